package org.regulens.evaluate

import spock.lang.Specification

import java.util.SplittableRandom

class MetricsSpec extends Specification {

    static Metrics of(List<Number> scores, List<Number> labels) {
        Metrics.of(scores.collect { it as float } as float[], labels.collect { it as float } as float[])
    }

    def "hand-computed values: perfect, reversed, and a small mixed example"() {
        expect:
        of([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]).auroc() == 1d
        of([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]).auprc() == 1d
        of([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0]).auroc() == 0d
        and: 'scores .9 .8 .7 .6 with labels 1 0 1 0: pairs (pos>neg) = 3 of 4; AP = 1/2*1 + 1/2*2/3'
        of([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0]).auroc() == 0.75d
        Math.abs(of([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0]).auprc() - (0.5d + 0.5d * 2d / 3d)) < 1e-12
    }

    def "ties: one positive and one negative tied count as half a pair; AP uses the tied group's precision"() {
        expect: 'pos 0.5, neg 0.5, neg 0.1: pairs = 0.5 (tie) + 1 = 1.5 of 2'
        of([0.5, 0.5, 0.1], [1, 0, 0]).auroc() == 0.75d
        and: 'the tied group at 0.5 holds the only positive with precision 1/2'
        of([0.5, 0.5, 0.1], [1, 0, 0]).auprc() == 0.5d
        and: 'all scores equal gives 0.5'
        of([1, 1, 1, 1], [1, 0, 1, 0]).auroc() == 0.5d
    }

    def "NaN labels are ignored; one class only gives NaN auROC"() {
        expect:
        of([0.9, 0.5, 0.1], [1, Float.NaN, 0]).auroc() == 1d
        of([0.9, 0.5, 0.1], [1, Float.NaN, 0]).negatives() == 1
        Double.isNaN(of([0.9, 0.1], [1, 1]).auroc())
    }

    def "auROC equals the brute-force pair count on random data with many ties"() {
        given:
        def random = new SplittableRandom(4)
        def scores = (1..300).collect { random.nextInt(20) / 20.0 }
        def labels = (1..300).collect { random.nextInt(3) == 0 ? 1 : 0 }
        def pos = (0..<300).findAll { labels[it] == 1 }
        def neg = (0..<300).findAll { labels[it] == 0 }
        double pairs = 0
        pos.each { p -> neg.each { q -> pairs += scores[p] > scores[q] ? 1 : scores[p] == scores[q] ? 0.5 : 0 } }

        expect:
        Math.abs(of(scores, labels).auroc() - pairs / (pos.size() * neg.size())) < 1e-12
    }

    def "average precision equals a brute-force sum over distinct thresholds"() {
        given:
        def random = new SplittableRandom(9)
        def scores = (1..200).collect { random.nextInt(30) / 30.0 }
        def labels = (1..200).collect { random.nextInt(4) == 0 ? 1 : 0 }
        int positives = labels.count(1)
        double ap = 0
        double previousRecall = 0
        scores.toSet().sort { -it }.each { th ->
            def predicted = (0..<200).findAll { scores[it] >= th }
            int tp = predicted.count { labels[it] == 1 }
            double recall = tp / positives
            ap += (recall - previousRecall) * (tp / predicted.size())
            previousRecall = recall
        }

        expect:
        Math.abs(of(scores, labels).auprc() - ap) < 1e-9
    }
}
