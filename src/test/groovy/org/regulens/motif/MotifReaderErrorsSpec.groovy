package org.regulens.motif

import java.nio.file.Files
import java.nio.file.Path
import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

/** Broken motif files: each must fail with a RegulensException that names the file and the offending line. */
class MotifReaderErrorsSpec extends Specification {

    @TempDir
    Path dir

    /** Lines 1-9; a MOTIF line after it is line 10. */
    static final String MEME_HEAD = 'MEME version 4\n\nALPHABET= ACGT\n\nstrands: + -\n\n' +
            'Background letter frequencies\nA 0.25 C 0.25 G 0.25 T 0.25\n\n'

    Path write(String name, String text) {
        Path f = dir.resolve(name)
        Files.writeString(f, text)
        f
    }

    def "#format: #problem is reported at line #line"() {
        given:
        Path f = write("bad-${format}.txt", text)

        when:
        MotifReader.read(f)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith("$f:$line: ")
        e.message.contains(fragment)
        !e.message.contains('\n')

        where:
        format     | problem                  | line | fragment                      | text
        'jaspar'   | 'ragged rows'            | 3    | 'row has 2 values, expected 3' | '>M1 a\nA [ 1 2 3 ]\nC [ 1 2 ]\nG [ 1 2 3 ]\nT [ 1 2 3 ]\n'
        'jaspar'   | 'a non-numeric entry'    | 4    | "'x' is not a number"         | '>M1 a\nA [ 1 2 ]\nC [ 1 2 ]\nG [ 1 x ]\nT [ 1 2 ]\n'
        'jaspar'   | 'a negative count'       | 2    | 'negative value -1'           | '>M1 a\n1 -1\n1 2\n1 2\n1 2\n'
        'jaspar'   | 'zero width'             | 1    | 'zero width'                  | '>M1 a\nA [ ]\nC [ ]\nG [ ]\nT [ ]\n'
        'jaspar'   | 'three rows'             | 1    | 'has 3 rows; expected 4'      | '>M1 a\n1 2\n1 2\n1 2\n>M2 b\n1\n1\n1\n1\n'
        'jaspar'   | 'five rows'              | 6    | 'more than 4 rows'            | '>M1 a\n1 2\n1 2\n1 2\n1 2\n1 2\n'
        'jaspar'   | 'a base twice'           | 5    | 'base A appears twice'        | '>M1 a\nA [ 1 ]\nC [ 1 ]\nG [ 1 ]\nA [ 1 ]\n'
        'jaspar'   | 'letters on some rows'   | 3    | 'base letter'                 | '>M1 a\nA [ 1 ]\n1\nG [ 1 ]\nT [ 1 ]\n'
        'jaspar'   | 'a duplicate id'         | 7    | 'duplicate motif id M1 (first at line 2)' | '\n>M1 a\n1\n1\n1\n1\n>M1 b\n1\n1\n1\n1\n'
        'jaspar'   | 'a header without id'    | 1    | 'no motif id'                 | '>\n1\n1\n1\n1\n'
        'jaspar'   | 'a missing bracket'      | 2    | 'unbalanced brackets'         | '>M1\nA [ 1 2\nC [ 1 2 ]\nG [ 1 2 ]\nT [ 1 2 ]\n'
        'transfac' | 'ragged rows'            | 5    | 'row has 3 values, expected 4' | 'AC M1\nXX\nP0 A C G T\n01 1 2 3 4\n02 1 2 3\nXX\n//\n'
        'transfac' | 'a non-numeric entry'    | 4    | "'o' is not a number"         | 'AC M1\nXX\nP0 A C G T\n01 1 2 3 o\nXX\n//\n'
        'transfac' | 'a negative count'       | 4    | 'negative value -3'           | 'AC M1\nXX\nP0 A C G T\n01 1 2 -3 4\nXX\n//\n'
        'transfac' | 'zero width'             | 3    | 'zero width'                  | 'AC M1\nXX\nP0 A C G T\nXX\n//\n'
        'transfac' | 'no matrix'              | 1    | 'has no P0 matrix'            | 'AC M1\nID foo\nXX\n//\n'
        'transfac' | 'no AC or ID'            | 1    | 'no AC or ID line'            | 'XX\nNA foo\nP0 A C G T\n01 1 2 3 4\n//\n'
        'transfac' | 'a bad column header'    | 3    | 'P0 line must name the columns' | 'AC M1\nXX\nP0 A C G U\n01 1 2 3 4\n//\n'
        'transfac' | 'rows out of order'      | 5    | 'row numbered 03 where 2'     | 'AC M1\nXX\nP0 A C G T\n01 1 2 3 4\n03 1 2 3 4\n//\n'
        'transfac' | 'a missing //'           | 5    | "second AC line"              | 'AC M1\nP0 A C G T\n01 1 2 3 4\nXX\nAC M2\nP0 A C G T\n01 1 2 3 4\n//\n'
        'transfac' | 'a duplicate id'         | 5    | 'duplicate motif id M1 (first at line 1)' | 'AC M1\nP0 A C G T\n01 1 2 3 4\n//\nAC M1\nP0 A C G T\n01 1 2 3 4\n//\n'
        'transfac' | 'a stray line'           | 3    | 'expected a TRANSFAC line'    | 'AC M1\nP0 A C G T\nnot transfac\n01 1 2 3 4\n//\n'
        'meme'     | 'fewer rows than w='     | 14   | 'has 2 matrix rows, expected w= 3' | MEME_HEAD + 'MOTIF m1\nletter-probability matrix: alength= 4 w= 3\n0.25 0.25 0.25 0.25\n1 0 0 0\nURL x\n'
        'meme'     | 'more rows than w='      | 15   | 'more matrix rows than w= 2'  | MEME_HEAD + 'MOTIF m1\nletter-probability matrix: alength= 4 w= 2\n0.25 0.25 0.25 0.25\n1 0 0 0\n\n0 1 0 0\n'
        'meme'     | 'fewer rows at the end'  | 11   | 'has 1 matrix rows, expected w= 2' | MEME_HEAD + 'MOTIF m1\nletter-probability matrix: alength= 4 w= 2\n0.25 0.25 0.25 0.25\n'
        'meme'     | 'ragged rows'            | 13   | 'row has 3 values, expected 4' | MEME_HEAD + 'MOTIF m1\nletter-probability matrix: alength= 4 w= 2\n0.25 0.25 0.25 0.25\n0.5 0.5 0\n'
        'meme'     | 'a non-numeric entry'    | 13   | "'0.5a' is not a number"      | MEME_HEAD + 'MOTIF m1\nletter-probability matrix: alength= 4 w= 2\n0.25 0.25 0.25 0.25\n0.5 0.5a 0 0\n'
        'meme'     | 'a negative probability' | 12   | 'negative value -0.25'        | MEME_HEAD + 'MOTIF m1\nletter-probability matrix: alength= 4 w= 1\n0.75 0.25 -0.25 0.25\n'
        'meme'     | 'a row not summing to 1' | 12   | 'sum to 2.0'                  | MEME_HEAD + 'MOTIF m1\nletter-probability matrix: alength= 4 w= 1\n0.5 0.5 0.5 0.5\n'
        'meme'     | 'alength= 20'            | 12   | 'only DNA motifs (alength= 4)' | MEME_HEAD + 'MOTIF m1\n\nletter-probability matrix: alength= 20 w= 1\n0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05\n'
        'meme'     | 'a protein alphabet'     | 3    | 'only DNA motifs'             | 'MEME version 4\n\nALPHABET= ACDEFGHIKLMNPQRSTVWY\n\nMOTIF m1\n'
        'meme'     | 'an RNA alphabet block'  | 3    | 'only DNA motifs are supported (core symbols A, C, G, T)' | 'MEME version 5\n\nALPHABET "RNA" RNA-LIKE\nA "Adenine" CC0000\nC "Cytosine" 0000CC\nG "Guanine" FFB300\nU "Uracil" 008000\nN "Any base" = ACGU\nEND ALPHABET\n'
        'meme'     | 'w= 0'                   | 11   | 'zero width'                  | MEME_HEAD + 'MOTIF m1\nletter-probability matrix: alength= 4 w= 0 nsites= 2\n'
        'meme'     | 'a MOTIF without matrix' | 10   | 'MOTIF m1 has no letter-probability matrix' | MEME_HEAD + 'MOTIF m1\nURL x\n\nMOTIF m2\nletter-probability matrix: alength= 4 w= 1\n1 0 0 0\n'
        'meme'     | 'a duplicate id'         | 13   | 'duplicate motif id m1 (first at line 10)' | MEME_HEAD + 'MOTIF m1 a\nletter-probability matrix: alength= 4 w= 1\n1 0 0 0\nMOTIF m1 b\nletter-probability matrix: alength= 4 w= 1\n1 0 0 0\n'
        'meme'     | 'a bad background'       | 8    | 'letters must be A, C, G and T' | MEME_HEAD.replace('T 0.25', 'U 0.25')
        'meme'     | 'a non-integer w='       | 11   | "w= '2.5' is not a whole number" | MEME_HEAD + 'MOTIF m1\nletter-probability matrix: alength= 4 w= 2.5\n'
        'unknown'  | 'an unknown format'      | 3    | 'cannot tell the motif format from the first lines; expected MEME, JASPAR or TRANSFAC' | '\n  \nhello world\n>M1\n'
    }

    def "an empty file and a file without motifs name the file"() {
        given:
        Path f = write(name, text)

        when:
        MotifReader.read(f)

        then:
        def e = thrown(RegulensException)
        e.message == "$f: $message"

        where:
        name          | text                        || message
        'empty.meme'  | ''                          || 'is empty; expected MEME, JASPAR or TRANSFAC motifs'
        'blank.meme'  | '\n \n\t\n'                 || 'is empty; expected MEME, JASPAR or TRANSFAC motifs'
        'header.meme' | MEME_HEAD                   || 'contains no motifs (read as MEME)'
        'vv.transfac' | 'VV  TRANSFAC\nXX\n//\n'    || 'contains no motifs (read as TRANSFAC)'
    }

    def "comment lines starting with # are skipped in JASPAR and TRANSFAC files"() {
        expect:
        MotifReader.read(write('c.jaspar', '# made by hand\n>M1\n# a comment\n1\n1\n1\n1\n'))*.id() == ['M1']
        MotifReader.read(write('c.transfac', '# made by hand\nAC M1\n#\nP0 A C G T\n01 1 2 3 4\n//\n'))*.id() == ['M1']
    }

    def "reading a file as the wrong format points at the first line it cannot take"() {
        given:
        Path f = write('arnt.jaspar', '>MA0004.1 Arnt\n1\n1\n1\n1\n')

        when:
        MotifReader.read(f, MotifFormat.TRANSFAC)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith("$f:1: expected a TRANSFAC line")
    }

    def "a missing file is a RegulensException naming it"() {
        given:
        Path f = dir.resolve('nowhere.meme')

        when:
        MotifReader.read(f)

        then:
        def e = thrown(RegulensException)
        e.message == "$f: no such file"
    }

    def "a corrupt gzip file is a RegulensException naming it"() {
        given:
        Path f = dir.resolve('broken.meme.gz')
        Files.write(f, [0x1f, 0x8b, 8, 0, 1, 2, 3] as byte[])

        when:
        MotifReader.read(f)

        then:
        def e = thrown(RegulensException)
        e.message.startsWith("$f: cannot read: ")
    }
}
