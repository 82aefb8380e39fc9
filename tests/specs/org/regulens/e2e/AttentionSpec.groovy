package org.regulens.e2e

import groovy.json.JsonSlurper
import org.regulens.io.npz.NpzFile
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.run

/**
 * regulens attention and report --attention on the Galaxy test model (cnn-attention, 100-bp windows): maps of the
 * documented shape whose rows sum to 1, a heat map in the report, and a model without attention refused.
 */
class AttentionSpec extends Specification {

    static final Path TEST_DATA = RegulensRunner.HOME.resolve('galaxy-tools/test-data')

    @Shared @TempDir Path dir

    def "maps: N x heads x T x T, rows summing to 1, the rows asked for; the report draws their mean"() {
        given:
        def maps = dir.resolve('maps.npz')
        def report = dir.resolve('report.html')

        when:
        def r = run(['attention', '--model', TEST_DATA.resolve('attention_model.zip'), '--data', TEST_DATA.resolve('data.npz'),
                     '--label', 'positive', '--max-sequences', 7, '--out', maps])
        def npz = NpzFile.open(maps)
        long[] shape = npz.header('maps').shape()
        float[] m = npz.read('maps').asFloats()
        long[] index = npz.read('index').asLongs()
        def meta = new JsonSlurper().parseText(npz.read('meta').asString())
        npz.close()
        int t = shape[2] as int
        def rowSums = (0..<(m.length.intdiv(t))).collect { q -> (0..<t).sum { m[q * t + it] } as double }
        def rep = run(['report', '--out', report, '--attention', maps])

        then:
        r.exitCode == 0
        shape == [7, 4, 25, 25] as long[]        // 100 bp pooled by 4, 4 heads
        meta.bases_per_position == 4.0d && meta.heads == 4
        index.length == 7 && index.toList() == index.toList().sort() && index.toList().toSet().size() == 7
        rowSums.every { Math.abs(it - 1) < 1e-4 }
        m.every { it >= 0 }
        rep.exitCode == 0
        def html = report.text
        html.contains('<section id="attention">') && html.contains('id="attention-map"')
        (html =~ /<rect x=/).count >= 25 * 25
    }

    def "a model without self-attention is refused with one line naming the model; nothing is written"() {
        given:
        def out = dir.resolve('none.npz')

        when:
        def r = run(['attention', '--model', TEST_DATA.resolve('model.zip'), '--data', TEST_DATA.resolve('data.npz'), '--out', out])

        then:
        r.exitCode == 1
        r.stderr.contains('model.zip') && r.stderr.contains('no self-attention layer')
        !Files.exists(out)
    }
}
