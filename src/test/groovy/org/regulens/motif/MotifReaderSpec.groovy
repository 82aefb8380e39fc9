package org.regulens.motif

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPOutputStream
import spock.lang.Specification
import spock.lang.TempDir

/** Reading hand-written fixtures (src/test/resources/motif) in each format; expected values read off the files. */
class MotifReaderSpec extends Specification {

    @TempDir
    Path dir

    static Path fixture(String name) {
        Path.of(MotifReaderSpec.getResource("/motif/$name").toURI())
    }

    static void closeRows(double[][] actual, List<List<Double>> expected, double eps = 1e-9) {
        assert actual.length == expected.size()
        expected.eachWithIndex { row, i ->
            row.eachWithIndex { e, b -> assert Math.abs(actual[i][b] - e) < eps: "row $i base $b: ${actual[i][b]} vs $e" }
        }
    }

    def "minimal MEME: ids, names, background, nsites and probabilities"() {
        when:
        def file = MotifReader.readFile(fixture('small.meme'))
        def motifs = file.motifs()

        then:
        file.format() == MotifFormat.MEME
        file.background() == [0.3, 0.2, 0.2, 0.3] as double[]
        motifs*.id() == ['m1', 'm2', 'm3']
        motifs*.name() == ['FOO', '', 'BAR']
        motifs*.width() == [3, 2, 1]

        and: 'nsites= 10, absent (default 20), 4.5; counts = probability x nsites'
        motifs*.nsites() == [10d, 20d, 4.5d]
        closeRows(motifs[0].counts(), [[1d, 2d, 3d, 4d], [10d, 0d, 0d, 0d], [2.5d, 2.5d, 2.5d, 2.5d]])
        closeRows(motifs[1].probabilities(), [[0.5d, 0.5d, 0d, 0d], [0d, 0d, 0.5d, 0.5d]])
        closeRows(motifs[2].counts(), [[0d, 0d, 0d, 4.5d]])
    }

    def "full MEME text output: the probability matrices only, not the log-odds ones"() {
        when:
        def file = MotifReader.readFile(fixture('meme-full-output.txt'))

        then:
        file.format() == MotifFormat.MEME
        file.motifs()*.id() == ['CACG', '2']
        file.motifs()*.name() == ['MEME-1', '']
        file.motifs()*.nsites() == [20d, 8d]
        closeRows(file.motifs()[0].probabilities(), [[0.05d, 0.9d, 0.05d, 0d], [0.85d, 0.05d, 0.05d, 0.05d],
                                                     [0d, 1d, 0d, 0d], [0d, 0d, 0.95d, 0.05d]])
        closeRows(file.motifs()[1].counts(), [[2d, 2d, 2d, 2d], [1d, 1d, 1d, 5d]])

        and: 'the background line, not the dataset frequencies above it (normalised: the file sums to 1)'
        file.background() == [0.304, 0.192, 0.209, 0.295] as double[]
    }

    def "MEME as other tools write it: colon after the background title, tabs, trailing blanks, 4 decimals"() {
        when:
        def file = MotifReader.readFile(fixture('other-writers.meme'))

        then:
        file.background() == [0.295, 0.205, 0.205, 0.295] as double[]
        file.motifs()*.id() == ['filter0', '1']
        file.motifs()*.name() == ['', 'TEMP']
        file.motifs()*.nsites() == [3d, 1d]
        closeRows(file.motifs()[0].counts(), [[0.3d, 0.6d, 0.9d, 1.2d], [0d, 0d, 3d, 0d], [0.9999d, 0.9999d, 1.0002d, 0d]])
        file.motifs()[1].consensus() == 'AT'
    }

    def "MEME without w=: the rows up to the next blank or non-number line"() {
        given:
        Path f = dir.resolve('now.meme')
        Files.writeString(f, 'MEME version 4\n\nMOTIF a\nletter-probability matrix: alength= 4\n\n1 0 0 0\n0 1 0 0\nURL x\n' +
                'MOTIF b\nletter-probability matrix:\n0 0 1 0\n\n0 0 0 1\n')

        when:
        def file = MotifReader.readFile(f)

        then:
        file.motifs()*.consensus() == ['AC', 'G']
        file.motifs()*.nsites() == [20d, 20d]
        file.background() == Background.uniform()
    }

    def "MEME 5 with a DNA alphabet definition block"() {
        given:
        Path f = dir.resolve('alphabet.meme')
        Files.writeString(f, """MEME version 5

ALPHABET "DNA" DNA-LIKE
A "Adenine" CC0000 ~ T "Thymine" 008000
C "Cytosine" 0000CC ~ G "Guanine" FFB300
N "Any base" = ACGT
X = ACGT
. = ACGT
END ALPHABET

strands: + -

MOTIF only
letter-probability matrix: alength= 4 w= 1 nsites= 10 E= 0
0.25 0.25 0.25 0.25
""")

        expect:
        MotifReader.read(f)*.id() == ['only']
    }

    def "bracketed JASPAR with rows in any letter order"() {
        when:
        def file = MotifReader.readFile(fixture('small.jaspar'))
        def motifs = file.motifs()

        then:
        file.format() == MotifFormat.JASPAR
        file.background() == Background.uniform()
        motifs*.id() == ['MA9999.1', 'MA9998.1']
        motifs*.name() == ['Foo', 'Bar::Baz']
        motifs[0].counts() == [[4, 16, 0, 0], [19, 0, 1, 0], [0, 20, 0, 0]] as double[][]
        motifs[0].nsites() == 20d

        and: 'rows were T, G, C, A'
        motifs[1].counts() == [[7, 5, 3, 1], [8, 6, 4, 2]] as double[][]
    }

    def "plain JASPAR: header then four unlabelled rows in A, C, G, T order"() {
        when:
        def motifs = MotifReader.read(fixture('plain.jaspar'))

        then:
        motifs*.id() == ['MA0004.1', 'MA0006.1']
        motifs*.name() == ['Arnt', 'Ahr::Arnt']
        motifs[0].counts() == [[4, 16, 0, 0], [19, 0, 1, 0], [0, 20, 0, 0], [0, 0, 20, 0], [0, 0, 0, 20], [0, 0, 20, 0]] as double[][]
        motifs[0].consensus() == 'CACGTG'
        motifs[1].counts()[0] == [3, 8, 2, 11] as double[]
        motifs[1].counts()[5] == [0, 0, 24, 0] as double[]
    }

    def "a single .pfm without header takes its id from the file name"() {
        when:
        def motifs = MotifReader.read(fixture('arnt.pfm'))

        then:
        motifs.size() == 1
        motifs[0].id() == 'arnt'
        motifs[0].name() == ''
        motifs[0].counts() == [[4.5, 16, 0, 0], [19, 0.5, 1, 0], [0, 20, 0, 0.25]] as double[][]
        motifs[0].nsites() == 20.5d
    }

    def "TRANSFAC: AC is the id, ID the name; P0 columns in any order; consensus letters and header records skipped"() {
        when:
        def file = MotifReader.readFile(fixture('small.transfac'))
        def motifs = file.motifs()

        then:
        file.format() == MotifFormat.TRANSFAC
        motifs*.id() == ['M00001', 'tf_only']
        motifs*.name() == ['V$MYOD_01', 'Some Name']
        motifs[0].counts() == [[1, 2, 2, 0], [2, 1, 2, 0], [3, 0, 1, 1], [0, 5, 0, 0]] as double[][]

        and: 'columns were T G C A'
        motifs[1].counts() == [[4, 3, 2, 1], [9.5, 0, 0, 0.5]] as double[][]
    }

    def "gzipped files are read the same, whatever their name"() {
        given:
        Path gz = dir.resolve(name)
        new GZIPOutputStream(Files.newOutputStream(gz)).withCloseable { it.write(Files.readAllBytes(fixture('small.jaspar'))) }

        expect:
        MotifReader.read(gz) == MotifReader.read(fixture('small.jaspar'))

        where:
        name << ['small.jaspar.gz', 'small.jaspar']
    }

    def "a named format overrides detection; CRLF line endings and a BOM are fine"() {
        given:
        Path f = dir.resolve('crlf.txt')
        Files.writeString(f, '\uFEFF>X1 x\r\n1 2\r\n3 4\r\n5 6\r\n7 8\r\n')

        expect:
        MotifReader.read(f, MotifFormat.JASPAR)[0].counts() == [[1, 3, 5, 7], [2, 4, 6, 8]] as double[][]
        MotifReader.read(f)[0].id() == 'X1'
    }

    def "the id of a header-less matrix is the file name without .gz and extension"() {
        expect:
        MotifReader.headerlessId(Path.of(path)) == id

        where:
        path                    || id
        '/a/b/MA0004.1.pfm'     || 'MA0004.1'
        'arnt.pfm.gz'           || 'arnt'
        'motif'                 || 'motif'
        'my motif.txt'          || 'my_motif'
    }
}
