package org.regulens.io.npz

import spock.lang.Specification

import java.util.zip.CRC32

class NpzCrc32Spec extends Specification {

    static long crc(byte[] bytes, int from, int to) {
        CRC32 crc = new CRC32()
        crc.update(bytes, from, to - from)
        return crc.value
    }

    def "combining the CRCs of two parts gives the CRC of their concatenation (split at #split)"() {
        given:
        Random random = new Random(split)
        byte[] bytes = new byte[100_003]
        random.nextBytes(bytes)

        expect:
        Crc32Combine.combine(crc(bytes, 0, split), crc(bytes, split, bytes.length), bytes.length - split) ==
                crc(bytes, 0, bytes.length)

        where:
        split << [0, 1, 2, 63, 64, 4096, 99_999, 100_002, 100_003]
    }

    def "holds for parts made of zeros and for an empty first part"() {
        given:
        byte[] zeros = new byte[1 << 20]

        expect:
        Crc32Combine.combine(crc(zeros, 0, 10), crc(zeros, 10, zeros.length), zeros.length - 10) == crc(zeros, 0, zeros.length)
        Crc32Combine.combine(0, crc(zeros, 0, 5), 5) == crc(zeros, 0, 5)
    }
}
