package org.regulens.io.npz

import org.regulens.core.RegulensException
import spock.lang.Specification

import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.file.Path

class NpyHeaderSpec extends Specification {

    static final Path FILE = Path.of('data/a.npz')

    static NpyHeader parse(byte[] bytes) {
        return NpyHeader.read(new ByteArrayInputStream(bytes), FILE, 'x.npy')
    }

    /** The header text NumPy itself would accept, read straight from the bytes. */
    static String dictOf(byte[] header) {
        int length = ByteBuffer.wrap(header, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF
        return new String(header, 10, length, 'ISO-8859-1')
    }

    def "encodes the NumPy dict, padded with spaces and a newline to a multiple of 64 bytes"() {
        when:
        byte[] bytes = NpyHeader.of(dtype, shape as long[]).encode()
        String text = dictOf(bytes)

        then:
        bytes[0] == (byte) 0x93
        new String(bytes, 1, 5, 'US-ASCII') == 'NUMPY'
        bytes[6] == 1 && bytes[7] == 0
        bytes.length % 64 == 0
        10 + text.length() == bytes.length
        text.endsWith('\n')
        text.trim() == expected

        where:
        dtype               | shape        || expected
        DType.FLOAT32       | [3, 4]       || "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }"
        DType.UINT8         | [10, 4, 200] || "{'descr': '|u1', 'fortran_order': False, 'shape': (10, 4, 200), }"
        DType.BOOL          | [7]          || "{'descr': '|b1', 'fortran_order': False, 'shape': (7,), }"
        DType.unicode(12)   | []           || "{'descr': '<U12', 'fortran_order': False, 'shape': (), }"
        DType.INT64         | [0]          || "{'descr': '<i8', 'fortran_order': False, 'shape': (0,), }"
        DType.INT8          | [Long.MAX_VALUE] || "{'descr': '|i1', 'fortran_order': False, 'shape': (9223372036854775807,), }"
    }

    def "round-trips what it encodes, reporting the data offset"() {
        given:
        byte[] bytes = NpyHeader.of(DType.FLOAT64, 5, 6, 7).encode()

        when:
        NpyHeader header = parse((bytes.toList() + [1, 2, 3]) as byte[])

        then:
        header.dtype() == DType.FLOAT64
        header.shape() == [5, 6, 7] as long[]
        !header.fortranOrder()
        header.byteOrder() == ByteOrder.LITTLE_ENDIAN
        header.length() == bytes.length
        header.size() == 210
        header.rowBytes() == 42 * 8
    }

    def "switches to format 2.0 only when the header outgrows 65535 bytes"() {
        given: 'a shape with so many unit dimensions that its text exceeds 64 KiB'
        long[] shape = new long[23000]
        Arrays.fill(shape, 1L)

        when:
        byte[] bytes = NpyHeader.of(DType.INT32, shape).encode()
        int length = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()

        then:
        bytes[6] == 2
        12 + length == bytes.length
        bytes.length % 64 == 0
        parse(bytes).shape() == shape
    }

    def "reads versions 2.0 and 3.0 (3.0 text is UTF-8)"() {
        given:
        String dict = "{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }\n"
        byte[] text = dict.getBytes('UTF-8')
        ByteBuffer bytes = ByteBuffer.allocate(12 + text.length).order(ByteOrder.LITTLE_ENDIAN)
        bytes.put((byte) 0x93).put('NUMPY'.bytes).put((byte) major).put((byte) 0).putInt(text.length).put(text)

        expect:
        parse(bytes.array()).shape() == [2] as long[]
        parse(bytes.array()).length() == 12 + text.length

        where:
        major << [2, 3]
    }

    def "accepts the spellings NumPy and its older versions use"() {
        when:
        NpyHeader header = NpyHeader.fromDict(text, 128)

        then:
        header.dtype() == dtype
        header.shape() == shape as long[]
        header.byteOrder() == order
        header.fortranOrder() == fortran

        where:
        text                                                                 || dtype             | shape  | order                   | fortran
        "{'descr': '>i4', 'fortran_order': False, 'shape': (3, 4), }"        || DType.INT32       | [3, 4] | ByteOrder.BIG_ENDIAN    | false
        "{'shape': (2,), 'fortran_order': True, 'descr': '<f8'}"             || DType.FLOAT64     | [2]    | ByteOrder.LITTLE_ENDIAN | true
        '{"descr": "|u1", "fortran_order": False, "shape": (3L, 4L)}'        || DType.UINT8       | [3, 4] | ByteOrder.nativeOrder() | false
        "{'descr': '=f4', 'fortran_order': False, 'shape': ()}"              || DType.FLOAT32     | []     | ByteOrder.nativeOrder() | false
        "{'descr': '>U5', 'fortran_order': False, 'shape': [1, 2], }"        || DType.unicode(5)  | [1, 2] | ByteOrder.BIG_ENDIAN    | false
        "{'descr': 'b1', 'fortran_order': False, 'shape': (1,)}"               || DType.BOOL        | [1]    | ByteOrder.nativeOrder() | false
    }

    def "rejects what regulens cannot read, naming file and array: #why"() {
        when:
        parse(HandZip.npy(dict, new byte[0]))

        then:
        RegulensException e = thrown()
        e.message.startsWith('data/a.npz: x.npy: ')
        e.message.contains(message)

        where:
        why           | dict                                                                     || message
        'object'      | "{'descr': '|O', 'fortran_order': False, 'shape': (3,), }"               || 'object arrays need pickle; not supported'
        'structured'  | "{'descr': [('a', '<i4'), ('b', '<f4')], 'fortran_order': False, 'shape': (3,), }" || 'structured dtype'
        'complex'     | "{'descr': '<c16', 'fortran_order': False, 'shape': (3,), }"             || "unsupported dtype '<c16'"
        'bytes'       | "{'descr': '|S4', 'fortran_order': False, 'shape': (3,), }"              || "unsupported dtype '|S4'"
        'no shape'    | "{'descr': '<f4', 'fortran_order': False, }"                             || "no 'shape'"
        'negative'    | "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }"             || 'not a tuple of sizes'
        'overflow'    | "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }" || 'too large'
        'syntax'      | "{'descr': '<f4', 'fortran_order': False 'shape': (1,), }"               || 'bad .npy header'
    }

    def "rejects bad magic, unknown versions and truncated headers"() {
        when:
        parse(bytes as byte[])

        then:
        RegulensException e = thrown()
        e.message.startsWith('data/a.npz: x.npy: ')
        e.message.contains(message)

        where:
        bytes                                                                   || message
        'PK\u0003\u0004 not npy'.getBytes('ISO-8859-1')                          || 'not a .npy array'
        [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 4, 0, 10, 0]                        || 'unsupported .npy format version 4.0'
        [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, 100, 0, 0x7B]                 || 'truncated .npy header'
    }

    def "a 0-d header has size 1 and no rows"() {
        given:
        NpyHeader header = NpyHeader.of(DType.unicode(3))

        expect:
        header.size() == 1
        header.dataBytes() == 12

        when:
        header.rowBytes()

        then:
        thrown(IllegalStateException)
    }
}
