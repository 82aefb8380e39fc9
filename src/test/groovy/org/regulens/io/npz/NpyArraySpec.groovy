package org.regulens.io.npz

import spock.lang.Specification

import java.nio.ByteBuffer
import java.nio.ByteOrder

class NpyArraySpec extends Specification {

    def "typed factories store little-endian C-order bytes with the given shape"() {
        when:
        NpyArray array = NpyArray.ofFloats([1.5f, -2f, 0f, 3.25f, 4f, 5f] as float[], 2, 3)
        ByteBuffer bytes = ByteBuffer.wrap(array.rawBytes()).order(ByteOrder.LITTLE_ENDIAN)

        then:
        array.dtype() == DType.FLOAT32
        array.shape() == [2, 3] as long[]
        array.size() == 6
        array.rank() == 2
        bytes.getFloat(0) == 1.5f
        bytes.getFloat(4) == -2f
        bytes.getFloat(20) == 5f
    }

    def "a factory without a shape makes a 1-D array"() {
        expect:
        NpyArray.ofInts([4, 5, 6] as int[]).shape() == [3] as long[]
        NpyArray.ofLongs([1L] as long[]).shape() == [1] as long[]
    }

    def "reshape without arguments makes a scalar"() {
        when:
        NpyArray scalar = NpyArray.ofDoubles([2.5d] as double[]).reshape()

        then:
        scalar.shape().length == 0
        scalar.size() == 1
        scalar.asDoubles() == [2.5d] as double[]
    }

    def "#factory values convert to floats, doubles and longs"() {
        expect:
        array.asFloats() == expected as float[]
        array.asDoubles() == expected as double[]
        array.asLongs() == expected as long[]

        where:
        factory    | array                                                                  || expected
        'uint8'    | NpyArray.ofBytes([0, 127, -128, -1] as byte[], DType.UINT8)             || [0, 127, 128, 255]
        'int8'     | NpyArray.ofBytes([0, 127, -128, -1] as byte[], DType.INT8)              || [0, 127, -128, -1]
        'bool'     | NpyArray.ofBools([true, false, true] as boolean[])                      || [1, 0, 1]
        'int16'    | NpyArray.ofShorts([-300, 300] as short[])                               || [-300, 300]
        'int32'    | NpyArray.ofInts([Integer.MIN_VALUE, 7] as int[])                        || [Integer.MIN_VALUE, 7]
        'int64'    | NpyArray.ofLongs([-(1L << 40), 1L << 40] as long[])                     || [-(1L << 40), 1L << 40]
        'float64'  | NpyArray.ofDoubles([-1d, 2d] as double[])                               || [-1, 2]
    }

    def "asLongs refuses fractional floats and asInts refuses values beyond int"() {
        when:
        NpyArray.ofFloats([1f, 1.5f] as float[]).asLongs()

        then:
        IllegalStateException e = thrown()
        e.message.contains('1.5 at index 1 is not an integer')

        when:
        NpyArray.ofLongs([1L << 40] as long[]).asInts()

        then:
        e = thrown(IllegalStateException)
        e.message.contains('does not fit in an int')
    }

    def "ofStrings is as wide as the longest value in code points, UTF-32LE and zero-padded"() {
        when:
        NpyArray array = NpyArray.ofStrings('ab', '\uD835\uDD38', '', 'peak_ü')
        ByteBuffer bytes = ByteBuffer.wrap(array.rawBytes()).order(ByteOrder.LITTLE_ENDIAN)

        then:
        array.dtype() == DType.unicode(6)
        array.dtype().descr() == '<U6'
        array.shape() == [4] as long[]
        bytes.capacity() == 4 * 6 * 4
        bytes.getInt(0) == ('a' as char) as int
        bytes.getInt(8) == 0
        bytes.getInt(24) == 0x1D538  // one code point, not a surrogate pair
        bytes.getInt(28) == 0
        array.asStrings() == ['ab', '\uD835\uDD38', '', 'peak_ü'] as String[]
    }

    def "strings of empty values still have width 1, as in NumPy"() {
        expect:
        NpyArray.ofStrings('', '').dtype() == DType.unicode(1)
        NpyArray.ofStrings().shape() == [0] as long[]
    }

    def "a 0-d string holds a JSON document"() {
        when:
        NpyArray json = NpyArray.ofString('{"k": [1, 2]}')

        then:
        json.shape().length == 0
        json.dtype() == DType.unicode(13)
        json.asString() == '{"k": [1, 2]}'
    }

    def "misuse is reported: #why"() {
        when:
        action()

        then:
        thrown(exception)

        where:
        why                   | exception                 | action
        'shape mismatch'      | IllegalArgumentException  | { NpyArray.ofFloats(new float[6], 4, 2) }
        'negative dimension'  | IllegalArgumentException  | { NpyArray.ofRaw(DType.UINT8, new byte[0], -1, 0) }
        'ofBytes of float'    | IllegalArgumentException  | { NpyArray.ofBytes(new byte[4], DType.FLOAT32) }
        'bool not 0/1'        | IllegalArgumentException  | { NpyArray.ofBytes([2] as byte[], DType.BOOL) }
        'string too long'     | IllegalArgumentException  | { NpyArray.ofStrings(['abc'] as String[], 2) }
        'strings of numbers'  | IllegalStateException     | { NpyArray.ofInts(new int[2]).asStrings() }
        'numbers of strings'  | IllegalStateException     | { NpyArray.ofStrings('a').asFloats() }
        'bytes of floats'     | IllegalStateException     | { NpyArray.ofFloats(new float[2]).asBytes() }
        'one string of many'  | IllegalStateException     | { NpyArray.ofStrings('a', 'b').asString() }
        'bad reshape'         | IllegalArgumentException  | { NpyArray.ofInts(new int[6]).reshape(4) }
    }

    def "arrays are equal when dtype, shape and values are"() {
        expect:
        NpyArray.ofInts([1, 2, 3, 4] as int[], 2, 2) == NpyArray.ofInts([1, 2, 3, 4] as int[], 2, 2)
        NpyArray.ofInts([1, 2, 3, 4] as int[], 2, 2) != NpyArray.ofInts([1, 2, 3, 4] as int[], 4)
        NpyArray.ofInts([1, 2] as int[]) != NpyArray.ofFloats([1, 2] as float[])
    }
}
