package org.regulens.filters

import org.regulens.motif.Motif
import org.regulens.motif.MotifDatabase
import spock.lang.Specification

class FilterMatchSpec extends Specification {

    def "a filter that learned CTCF matches CTCF at q < 0.05; a flat filter matches nothing significantly"() {
        given:
        def db = MotifDatabase.jaspar2024()
        def ctcf = MotifDatabase.byId(db, 'MA0139.2', 'JASPAR2024')
        def learned = Motif.fromCounts('filter_0', 'filter_0', ctcf.counts())
        def random = new Random(2)
        def flat = Motif.fromCounts('filter_1', 'filter_1',
                (0..<12).collect { (0..3).collect { 25 + random.nextInt(3) } as double[] } as double[][])

        when:
        def best = FilterMatch.best([learned, flat], db)

        then:
        best.filter_0.targetId() == 'MA0139.2'
        best.filter_0.targetName() == 'CTCF'
        best.filter_0.qValue() < 0.05
        best.filter_1.qValue() >= 0.05
    }
}
