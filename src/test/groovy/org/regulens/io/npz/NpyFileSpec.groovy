package org.regulens.io.npz

import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.file.Files
import java.nio.file.Path

class NpyFileSpec extends Specification {

    @TempDir
    Path dir

    static Path fixture(String name) {
        return Path.of(NpyFileSpec.getResource("/npz/$name").toURI())
    }

    def "writes a .npy file whose bytes follow the format: magic, version, padded dict, data at a multiple of 64"() {
        given:
        Path file = dir.resolve('truth.npy')

        when:
        NpyFile.write(file, NpyArray.ofFloats([0.5f, -1f, 2f, 3f, 4f, 5f] as float[], 3, 2))
        byte[] bytes = Files.readAllBytes(file)
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)
        int headerLength = buffer.getShort(8) & 0xFFFF
        String dict = new String(bytes, 10, headerLength, 'ISO-8859-1')
        int dataOffset = 10 + headerLength

        then:
        (bytes[0] & 0xFF) == 0x93
        new String(bytes, 1, 5, 'US-ASCII') == 'NUMPY'
        bytes[6] == 1 && bytes[7] == 0
        dict ==~ /\{'descr': '<f4', 'fortran_order': False, 'shape': \(3, 2\), \} *\n/
        dataOffset % 64 == 0
        bytes.length == dataOffset + 6 * 4
        (0..<6).collect { buffer.getFloat(dataOffset + 4 * it) } == [0.5f, -1f, 2f, 3f, 4f, 5f]
        Files.list(dir).count() == 1
    }

    def "reads back what it writes"() {
        given:
        Path file = dir.resolve('a.npy')
        NpyArray array = NpyArray.ofStrings('x', 'yy', 'zzz')

        when:
        NpyFile.write(file, array)

        then:
        NpyFile.read(file) == array
        NpyFile.header(file).shape() == [3] as long[]
    }

    def "reads a NumPy big-endian Fortran-ordered 3-D array as C-order values"() {
        when:
        NpyArray array = NpyFile.read(fixture('numpy_fortran_be.npy'))

        then:
        array.dtype() == DType.INT32
        array.shape() == [2, 3, 2] as long[]
        array.asLongs() == (0..<12).collect { it * 3L } as long[]
    }

    def "a truncated .npy is an error naming the file"() {
        given:
        Path file = dir.resolve('cut.npy')
        byte[] whole = Files.readAllBytes(fixture('numpy_fortran_be.npy'))
        Files.write(file, Arrays.copyOf(whole, whole.length - 5))

        when:
        NpyFile.read(file)

        then:
        RegulensException e = thrown()
        e.message.startsWith("$file: truncated")
        e.message.contains('needs 48 data bytes, found 43')
    }

    def "a missing file is an error naming it"() {
        when:
        NpyFile.read(dir.resolve('none.npy'))

        then:
        RegulensException e = thrown()
        e.message == "${dir.resolve('none.npy')}: no such file"
    }

    def "conversion errors on a read array name the file"() {
        given:
        Path file = dir.resolve('s.npy')
        NpyFile.write(file, NpyArray.ofStrings('a'))

        when:
        NpyFile.read(file).asFloats()

        then:
        RegulensException e = thrown()
        e.message == "$file: expected a numeric array, found <U1"
    }
}
