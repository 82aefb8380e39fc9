package org.regulens.motif

import java.nio.file.Path
import org.regulens.core.RegulensException
import spock.lang.Shared
import spock.lang.Specification

/**
 * The bundled JASPAR 2024 file against the same collection in TRANSFAC (the release file) and MEME format
 * (test resources), and lookups in it.
 */
class MotifDatabaseSpec extends Specification {

    /** Motifs with fractional TRANSFAC counts, which the JASPAR-format file rounds (see the test README). */
    static final Set<String> FRACTIONAL = ['MA0079.5', 'MA0516.3', 'MA0685.2', 'MA0740.2', 'MA0742.2',
                                           'MA1511.2', 'MA1601.2', 'MA1972.1', 'MA1980.1'] as Set

    @Shared List<Motif> jaspar = MotifDatabase.jaspar2024()
    @Shared Path transfacPath = fixture('JASPAR2024_CORE_vertebrates_non-redundant_pfms_transfac.txt')
    @Shared List<Motif> transfac = MotifReader.read(transfacPath)
    @Shared MotifFile meme = MotifReader.readFile(fixture('JASPAR2024_CORE_vertebrates_non-redundant_pfms_meme.txt'))

    static Path fixture(String name) {
        Path.of(MotifDatabaseSpec.getResource("/motif/$name").toURI())
    }

    def "all three files hold the same 879 motifs, ids and names in the same order"() {
        expect:
        jaspar.size() == 879
        transfac.size() == 879
        meme.motifs().size() == 879
        jaspar*.id().toSet().size() == 879
        transfac*.id() == jaspar*.id()
        meme.motifs()*.id() == jaspar*.id()
        transfac*.name() == jaspar*.name()
        meme.motifs()*.name() == jaspar*.name()
        meme.format() == MotifFormat.MEME
        meme.background() == Background.uniform()
    }

    def "JASPAR counts equal the TRANSFAC counts, except the 9 fractional matrices, which are rounded"() {
        given:
        Set<String> differing = [] as Set

        when:
        jaspar.eachWithIndex { Motif j, int k ->
            double[][] a = j.counts()
            double[][] t = transfac[k].counts()
            assert a.length == t.length: j.id()
            for (int i = 0; i < a.length; i++) {
                for (int b = 0; b < 4; b++) {
                    if (a[i][b] != t[i][b]) {
                        differing << j.id()
                        assert Math.abs(a[i][b] - t[i][b]) <= 0.5: "${j.id()} position $i base $b"
                        assert a[i][b] == Math.rint(a[i][b])
                    }
                }
            }
        }

        then:
        differing == FRACTIONAL
    }

    def "MEME probabilities equal TRANSFAC count / column sum to 6 decimals, and nsites is the mean column sum"() {
        expect:
        transfac.eachWithIndex { Motif t, int k ->
            Motif m = meme.motifs()[k]
            double[][] c = t.counts()
            double[][] normalised = m.probabilities()
            assert m.width() == c.length: t.id()
            double totalSum = 0
            for (int i = 0; i < c.length; i++) {
                double sum = c[i][0] + c[i][1] + c[i][2] + c[i][3]
                totalSum += sum
                for (int b = 0; b < 4; b++) {
                    // the file's numbers (stored as probability x nsites) are rounded to 6 decimals
                    assert Math.abs(m.count(i, b) / m.nsites() - c[i][b] / sum) <= 1e-6: "${t.id()} position $i base $b"
                    // probabilities() renormalises rows whose rounded values sum to 1 +- 2e-6
                    assert Math.abs(normalised[i][b] - c[i][b] / sum) <= 3e-6: "${t.id()} position $i base $b"
                }
            }
            assert Math.abs(m.nsites() - totalSum / c.length) <= 0.5 + 1e-9: t.id()
            true
        }
    }

    def "hand-checked entries of the bundled file"() {
        given:
        def arnt = jaspar[0]

        expect: 'the first motif, as printed in the file'
        arnt.id() == 'MA0004.1'
        arnt.name() == 'Arnt'
        arnt.counts() == [[4, 16, 0, 0], [19, 0, 1, 0], [0, 20, 0, 0], [0, 0, 20, 0], [0, 0, 0, 20], [0, 0, 20, 0]] as double[][]
        arnt.consensus() == 'CACGTG'

        and: 'GATA1, first and last positions'
        def gata1 = MotifDatabase.byId(jaspar, 'MA0035.5', 'JASPAR2024')
        gata1.width() == 7
        gata1.counts()[0] == [3953, 62419, 2712, 2744] as double[]
        gata1.counts()[6] == [7397, 3025, 765, 60641] as double[]
    }

    def "the bundled list is loaded once and cannot be changed"() {
        when:
        MotifDatabase.jaspar2024().clear()

        then:
        thrown(UnsupportedOperationException)
        MotifDatabase.jaspar2024().is(MotifDatabase.jaspar2024())
    }

    def "resolve: JASPAR2024 in any case is the bundled file, anything else a path"() {
        expect:
        MotifDatabase.resolve('JASPAR2024').is(jaspar)
        MotifDatabase.resolve('jaspar2024').is(jaspar)
        MotifDatabase.resolve(transfacPath.toString()) == transfac
    }

    def "resolve: a blank spec or a missing file is a RegulensException"() {
        when:
        MotifDatabase.resolve(spec)

        then:
        def e = thrown(RegulensException)
        e.message.contains(expected)

        where:
        spec                 || expected
        ''                   || 'no motif database given'
        '/no/such/motifs.txt' || '/no/such/motifs.txt: no such file'
    }

    def "byId finds a motif by id, versionless id or unique name"() {
        expect:
        MotifDatabase.byId(jaspar, query, 'JASPAR2024').id() == id

        where:
        query          || id
        'MA0139.2'     || 'MA0139.2'
        'ma0139.2'     || 'MA0139.2'
        'MA0139'       || 'MA0139.2'
        'GATA1'        || 'MA0035.5'
        'gata1'        || 'MA0035.5'
        'GATA1::TAL1'  || 'MA0140.3'
        'TAL1::TCF3'   || 'MA0091.2'
        'YY1'          || 'MA0095.4'  // named Yy1 in JASPAR 2024
        ' SRF '        || 'MA0083.3'
    }

    def "byId: a name shared by several motifs lists them"() {
        when:
        MotifDatabase.byId(jaspar, 'CTCF', 'JASPAR2024')

        then:
        def e = thrown(RegulensException)
        e.message == "JASPAR2024: 'CTCF' fits 3 motifs (MA0139.2 CTCF, MA1929.2 CTCF, MA1930.2 CTCF); give one id"
    }

    def "byId: an unknown name suggests close ones"() {
        when:
        MotifDatabase.byId(jaspar, 'CTFC', 'JASPAR2024')

        then:
        def e = thrown(RegulensException)
        e.message.startsWith("JASPAR2024: no motif with id or name 'CTFC'; close: ")
        e.message.contains('MA0139.2 CTCF')

        when:
        MotifDatabase.byId(jaspar, 'NOT_A_FACTOR_AT_ALL', 'JASPAR2024')

        then:
        e = thrown(RegulensException)
        e.message == "JASPAR2024: no motif with id or name 'NOT_A_FACTOR_AT_ALL'"
    }

    def "byId: a blank query is refused"() {
        when:
        MotifDatabase.byId(jaspar, '  ', 'JASPAR2024')

        then:
        def e = thrown(RegulensException)
        e.message == 'JASPAR2024: no motif id or name given'
    }

    def "edit distance"() {
        expect:
        MotifDatabase.editDistance(a, b) == d

        where:
        a       | b       || d
        ''      | ''      || 0
        'ctcf'  | 'ctcf'  || 0
        'ctcf'  | 'ctfc'  || 2
        'gata1' | 'gata'  || 1
        ''      | 'abc'   || 3
        'kitten'| 'sitting' || 3
    }
}
