package org.regulens.motifs

import org.regulens.motif.MotifDatabase
import org.regulens.motif.MotifSimilarity
import org.regulens.motif.Motif
import spock.lang.Shared
import spock.lang.Specification

/** Motif discovery recovers planted motifs from synthetic contributions (ground truth known by construction). */
class MotifDiscoverySpec extends Specification {

    @Shared List<Motif> planted = ['MA0139.2', 'MA0035.5', 'MA0079.5'].collect {
        MotifDatabase.byId(MotifDatabase.jaspar2024(), it, 'JASPAR2024')
    }
    @Shared PlantedContributions data = new PlantedContributions(800, 100, planted, [1, 1, -1], [0.5, 0.4, 0.3], 0.01, 7)
    @Shared MotifDiscovery.Result result = new MotifDiscovery(DiscoverySettings.defaults()).run(data.scores())

    def "each planted motif comes out as one pattern of its sign whose PPM matches it"() {
        expect:
        def ps = result.patterns(); ps.each { a -> println ps.collect { b -> String.format("%.2f", PatternMerger.similarity(a.pattern(), b.pattern())) } }
        result.patterns().each { println "${it.name()} ${it.pattern().size()} ${ppm(it).consensus()} " + planted.collect { m -> String.format('%.2f', MotifSimilarity.best(m, ppm(it), 5)) } }
        def pos = result.patterns().findAll { it.name().startsWith('pos_') }
        def neg = result.patterns().findAll { it.name().startsWith('neg_') }
        pos.size() == 2
        neg.size() == 1
        [0, 1].every { k -> pos.count { MotifSimilarity.best(planted[k], ppm(it), 5) > 0.8 } == 1 }
        MotifSimilarity.best(planted[2], ppm(neg[0]), 5) > 0.8
    }

    static Motif ppm(MotifDiscovery.NamedPattern p) {
        Motif.fromCounts(p.name(), p.name(), p.pattern().counts())
    }
}
