package org.regulens.data

import org.regulens.core.RegulensException
import org.regulens.io.npz.DType
import org.regulens.io.npz.NpyArray
import org.regulens.io.npz.NpzWriter
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** A data set's labels, split codes and one-hot rows are checked as they are read, with the array and row named. */
class TrainingDataSpec extends Specification {

    @TempDir
    Path dir

    /** Two rows of 3 bp: ACG and TNA (N an all-zero column), labels and splits as given. */
    Path dataset(String name, float[] y, byte[] split, byte[] x = null) {
        byte[] oneHot = x ?: ([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0] + [0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0]) as byte[]
        def file = dir.resolve(name)
        NpzWriter.create(file).withCloseable { w ->
            w.write('x', NpyArray.ofBytes(oneHot, DType.UINT8, 2, 4, 3))
            w.write('y', NpyArray.ofFloats(y, 2, 1))
            w.write('split', NpyArray.ofBytes(split, DType.INT8, 2))
            w.commit()
        }
        file
    }

    def "labels 0, 1 and NaN and split codes 0-2 are read as written"() {
        when:
        def data = TrainingData.open(dataset('ok.npz', [1f, Float.NaN] as float[], [0, 2] as byte[]), true)

        then:
        data.label(0, 0) == 1f
        Float.isNaN(data.label(1, 0))
        data.rowsOf(2) as List == [1]
        data.oneHot(0, 2) as List == ([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0] + [0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0]) as List

        cleanup:
        data?.close()
    }

    def "a label of #value is refused naming the file, y and the row"() {
        given:
        def file = dataset('bad-y.npz', [0f, value] as float[], [0, 0] as byte[])

        when:
        TrainingData.open(file, true)

        then:
        def e = thrown(RegulensException)
        e.message == "${file}: y: row 1, column 0: label ${value} is not 0, 1 or NaN (masked)"

        where:
        value << [2f, -1f, 0.5f, Float.POSITIVE_INFINITY]
    }

    def "a split code of #code is refused naming the row"() {
        given:
        def file = dataset('bad-split.npz', [0f, 1f] as float[], [0, code] as byte[])

        when:
        TrainingData.open(file, true)

        then:
        def e = thrown(RegulensException)
        e.message == "${file}: split: row 1: code ${code} is not 0 (train), 1 (valid) or 2 (test)"

        where:
        code << [7 as byte, -1 as byte, 3 as byte]
    }

    def "x that is not one-hot is refused when its rows are read: #what"() {
        given:
        def x = ([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0] + [0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0]) as byte[]
        x[index] = value as byte
        def file = dataset('bad-x.npz', [0f, 1f] as float[], [0, 0] as byte[], x)
        def data = TrainingData.open(file, true)

        when:
        data.oneHot(0, 2)

        then:
        def e = thrown(RegulensException)
        e.message == ("${file}: x: row ${row}, position ${position}: value ${shown} is not one-hot (each column a "
                + "single 1, or all 0 for N)")

        cleanup:
        data?.close()

        where:
        what                         | index | value | row | position | shown
        'a 2'                        | 0     | 2     | 0   | 0        | 2.0
        'two bases in one column'    | 3     | 1     | 0   | 0        | 2.0
        'two bases in a later row'   | 12    | 1     | 1   | 0        | 2.0
    }
}
