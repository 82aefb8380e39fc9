package org.regulens.evaluate

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

class MetricsWriterSpec extends Specification {

    @TempDir Path dir

    static Metrics of(List<Number> scores, List<Number> labels) {
        Metrics.of(scores.collect { it as float } as float[], labels.collect { it as float } as float[])
    }

    def "a hand-computed case: metrics row, ROC from (0,0), PR one point per distinct score"() {
        given: 'scores .9 .8 .7 .6 with labels 1 0 1 0: auROC 3/4, AP = 1/2·1 + 1/2·2/3 = 5/6'
        def out = dir.resolve('metrics.tsv')

        when:
        MetricsWriter.write(out, 'pairs', ['binding'], [of([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0])])

        then:
        out.readLines() == ['task\tauroc\tauprc\tn_pos\tn_neg\tsplit', 'binding\t0.750000\t0.833333\t2\t2\tpairs']
        dir.resolve('metrics.roc.tsv').readLines() == ['task\tthreshold\tfpr\ttpr',
            'binding\tinf\t0\t0',
            'binding\t0.900000\t0.000000\t0.500000',
            'binding\t0.800000\t0.500000\t0.500000',
            'binding\t0.700000\t0.500000\t1.000000',
            'binding\t0.600000\t1.000000\t1.000000']
        dir.resolve('metrics.pr.tsv').readLines() == ['task\tthreshold\trecall\tprecision',
            'binding\t0.900000\t0.500000\t1.000000',
            'binding\t0.800000\t0.500000\t0.500000',
            'binding\t0.700000\t1.000000\t0.666667',
            'binding\t0.600000\t1.000000\t0.500000']
    }

    def "several tasks keep their order; tied scores are one point"() {
        given:
        def out = dir.resolve('m.tsv')

        when:
        MetricsWriter.write(out, 'test', ['b', 'a'], [of([0.5, 0.5, 0.1], [1, 0, 0]), of([0.2, 0.4], [0, 1])])

        then: 'pos .5, neg .5, neg .1: auROC (0.5 + 1)/2; AP = the tied group precision 1/2'
        out.readLines().drop(1) == ['b\t0.750000\t0.500000\t1\t2\ttest', 'a\t1.000000\t1.000000\t1\t1\ttest']
        dir.resolve('m.roc.tsv').readLines().drop(1).collect { it.split('\t')[0] } == ['b', 'b', 'b', 'a', 'a', 'a']
        dir.resolve('m.pr.tsv').readLines().drop(1).findAll { it.startsWith('b\t') } ==
            ['b\t0.500000\t1.000000\t0.500000', 'b\t0.100000\t1.000000\t0.333333']
    }

    def "the curve files are named after the table, with or without .tsv"() {
        expect:
        MetricsWriter.rocFile(Path.of('x/metrics.tsv')) == Path.of('x/metrics.roc.tsv')
        MetricsWriter.prFile(Path.of('x/metrics.tsv')) == Path.of('x/metrics.pr.tsv')
        MetricsWriter.rocFile(Path.of('m')) == Path.of('m.roc.tsv')
    }

    def "tasks and metrics must pair up; nothing is written otherwise"() {
        when:
        MetricsWriter.write(dir.resolve('m.tsv'), 'test', ['a', 'b'], [of([0.2, 0.4], [0, 1])])

        then:
        thrown(IllegalArgumentException)
        Files.list(dir).withCloseable { it.count() } == 0
    }
}
