package org.regulens.motif

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** {@link MemeWriter}: the exact text, and read → write → read round trips. */
class MotifWriterSpec extends Specification {

    @TempDir
    Path dir

    def "the MEME text of a small motif, line by line"() {
        given:
        def m = Motif.fromCounts('MA0004.1', 'Arnt', [[4, 16, 0, 0], [19, 0, 1, 0], [0, 0, 0, 0]] as double[][])
        def n = Motif.fromProbabilities('X', '', [[0.1, 0.2, 0.3, 0.4]] as double[][], 7.6)

        expect:
        MemeWriter.toMeme([m, n], [0.3, 0.2, 0.2, 0.3] as double[]) == '''\
MEME version 4

ALPHABET= ACGT

strands: + -

Background letter frequencies
A 0.300000 C 0.200000 G 0.200000 T 0.300000

MOTIF MA0004.1 Arnt
letter-probability matrix: alength= 4 w= 3 nsites= 20 E= 0
  0.200000  0.800000  0.000000  0.000000
  0.950000  0.000000  0.050000  0.000000
  0.250000  0.250000  0.250000  0.250000

MOTIF X
letter-probability matrix: alength= 4 w= 1 nsites= 8 E= 0
  0.100000  0.200000  0.300000  0.400000

'''
    }

    def "JASPAR 2024 round trip: same ids, names and probabilities (1e-6 as written, 3e-6 renormalised)"() {
        given:
        def motifs = MotifDatabase.jaspar2024()
        Path out = dir.resolve('jaspar2024.meme')

        when:
        MemeWriter.write(out, motifs, Background.uniform())
        def back = MotifReader.readFile(out)

        then:
        back.format() == MotifFormat.MEME
        back.background() == Background.uniform()
        back.motifs()*.id() == motifs*.id()
        back.motifs()*.name() == motifs*.name()
        back.motifs().eachWithIndex { Motif b, int k ->
            double[][] expected = motifs[k].probabilities()
            double[][] normalised = b.probabilities()
            assert b.width() == expected.length
            for (int i = 0; i < expected.length; i++) {
                for (int base = 0; base < 4; base++) {
                    // the numbers in the file (probability x nsites as stored), rounded to 6 decimals
                    assert Math.abs(b.count(i, base) / b.nsites() - expected[i][base]) <= 1e-6: "${b.id()} $i $base"
                    // renormalising rows of rounded numbers (sum 1 +- 2e-6) moves them a little more
                    assert Math.abs(normalised[i][base] - expected[i][base]) <= 3e-6: "${b.id()} $i $base"
                }
            }
            assert b.nsites() == (double) Math.round(motifs[k].nsites())
        }

        and: 'no temporary files are left beside the output'
        Files.list(dir).withCloseable { it.toList() } == [out]
    }

    def "a MEME file round-trips with its background, also gzipped"() {
        given:
        def original = MotifReader.readFile(Path.of(getClass().getResource('/motif/small.meme').toURI()))
        Path out = dir.resolve(name)

        when:
        MemeWriter.write(out, original.motifs(), original.background())
        def back = MotifReader.readFile(out)

        then:
        back.background() == original.background()
        back.motifs()*.id() == ['m1', 'm2', 'm3']
        back.motifs()*.name() == ['FOO', '', 'BAR']
        back.motifs()*.nsites() == [10d, 20d, 5d]  // 4.5 is written rounded, as MEME writes it
        [back.motifs(), original.motifs()].transpose().every { Motif b, Motif o ->
            (0..<o.width()).every { int i ->
                (0..3).every { int base -> Math.abs(b.count(i, base) / b.nsites() - o.probabilities()[i][base]) <= 1e-6 }
            }
        }

        where:
        name << ['small.meme', 'small.meme.gz']
    }

    def "whitespace in a name becomes an underscore, since MOTIF lines split on whitespace"() {
        given:
        def m = Motif.fromCounts('T1', 'Some Name', [[1, 0, 0, 0]] as double[][])

        expect:
        MemeWriter.toMeme([m], Background.uniform()).contains('\nMOTIF T1 Some_Name\n')
    }

    def "duplicate ids are refused"() {
        given:
        def m = Motif.fromCounts('T1', '', [[1, 0, 0, 0]] as double[][])

        when:
        MemeWriter.toMeme([m, m.withName('again')], Background.uniform())

        then:
        thrown(IllegalArgumentException)
    }
}
