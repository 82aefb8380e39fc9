package org.regulens.motif

import java.nio.file.Files
import java.nio.file.Path
import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

/**
 * readFileAllowingNoMotifs: the header-only patterns.meme that motifs writes when no pattern passed reads as no
 * motifs; an empty file, another format without motifs and MEME text with stray lines are still errors naming the file.
 */
class MotifReaderNoMotifsSpec extends Specification {

    @TempDir
    Path dir

    Path write(String name, String text) {
        Path f = dir.resolve(name)
        Files.writeString(f, text)
        f
    }

    def "motifs' header-only patterns.meme reads as no motifs, with its background; plain read still refuses it"() {
        given:
        Path f = write('patterns.meme', MemeWriter.toMeme([], [0.3, 0.2, 0.2, 0.3] as double[]))

        when:
        MotifFile file = MotifReader.readFileAllowingNoMotifs(f)

        then:
        file.motifs().isEmpty()
        file.format() == MotifFormat.MEME
        file.background() == [0.3, 0.2, 0.2, 0.3] as double[]

        when:
        MotifReader.readFile(f)

        then:
        def e = thrown(RegulensException)
        e.message == "$f: contains no motifs (read as MEME)".toString()
    }

    def "a minimal header (version line only) and comments are a clean header"() {
        expect:
        MotifReader.readFileAllowingNoMotifs(write('min.meme', '# none found\nMEME version 5.5.4\n\n')).motifs().isEmpty()
    }

    def "motifs in the file are read as usual"() {
        given:
        def m = Motif.fromProbabilities('m1', 'x', [[1, 0, 0, 0], [0, 1, 0, 0]] as double[][], 10)

        expect:
        MotifReader.readFileAllowingNoMotifs(write('one.meme', MemeWriter.toMeme([m], Background.uniform())))
                .motifs()*.id() == ['m1']
    }

    def "#what without motifs is an error naming the file#where"() {
        given:
        Path f = write('bad.txt', text)

        when:
        MotifReader.readFileAllowingNoMotifs(f)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith("$f$where: ")
        e.message.contains(fragment)
        !e.message.contains('\n')

        where:
        what                     | text                                                    | where | fragment
        'an empty file'          | ''                                                      | ''    | 'is empty'
        'a blank file'           | '\n  \n'                                                | ''    | 'is empty'
        'text in no format'      | 'hello world\n'                                         | ':1'  | 'cannot tell the motif format'
        'garbled MEME'           | 'MEME version 4\n\nALPHABET= ACGT\n\u0001\u0002garbage\n'   | ':4'  | 'not part of a MEME header'
        'a truncated header'     | 'MEME version 4\n\nBackground letter frequencies\nA 0.25 C\n' | ':3' | 'background needs a frequency'
        'TRANSFAC without matrix'| 'XX\n//\n'                                              | ''    | 'contains no motifs (read as TRANSFAC)'
    }
}
