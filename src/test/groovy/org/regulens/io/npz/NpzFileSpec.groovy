package org.regulens.io.npz

import org.regulens.core.RegulensException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.stream.IntStream

class NpzFileSpec extends Specification {

    @TempDir
    Path dir

    static Path fixture(String name) {
        return Path.of(NpzFileSpec.getResource("/npz/$name").toURI())
    }

    static final List<String> FIXTURE_NAMES = ['f32', 'u8', 'i8', 'i16', 'i64', 'flags', 'names', 'meta', 'be', 'be_names', 'fort']

    def "reads every array of a NumPy #file (values hard-coded from make_fixtures.py)"() {
        when:
        NpzFile npz = NpzFile.open(fixture(file))

        then:
        npz.names() == FIXTURE_NAMES
        npz.contains('u8') && !npz.contains('u8.npy')
        FIXTURE_NAMES.every { npz.isStored(it) == stored }

        with(npz.read('f32')) {
            dtype() == DType.FLOAT32
            shape() == [3, 4] as long[]
            asFloats() == (0..<12).collect { it / 4f } as float[]
        }
        with(npz.read('u8')) {
            dtype() == DType.UINT8
            shape() == [2, 3, 4] as long[]
            asLongs() == (0..<24).collect { it * 11L % 256 } as long[]
        }
        npz.read('i8').asLongs() == [-128, -1, 0, 1, 127] as long[]
        npz.read('i8').dtype() == DType.INT8
        npz.read('i16').asInts() == [-300, 7] as int[]
        npz.read('i64').asLongs() == [-(1L << 40), 0, 1L << 62] as long[]
        npz.read('flags').asBooleans() == [true, false, true] as boolean[]
        npz.read('flags').dtype() == DType.BOOL
        npz.read('names').dtype() == DType.unicode(12)
        npz.read('names').asStrings() == ['chr1:100-200', 'peak_\u00fc', '\uD835\uDD38b', ''] as String[]
        npz.read('meta').shape().length == 0
        npz.read('meta').asString() == '{"k": 1}'
        npz.read('be').dtype() == DType.FLOAT64
        npz.read('be').asDoubles() == [0, 1.5, 3, 4.5, 6] as double[]
        npz.read('be_names').asStrings() == ['ab', '\u00e9'] as String[]
        npz.read('fort').shape() == [2, 3] as long[]
        npz.read('fort').asLongs() == [0, 1, 2, 3, 4, 5] as long[]

        cleanup:
        npz?.close()

        where:
        file                          || stored
        'numpy_savez.npz'             || true
        'numpy_savez_compressed.npz'  || false
    }

    def "reports a header without reading the data"() {
        given:
        NpzFile npz = NpzFile.open(fixture('numpy_savez_compressed.npz'))

        expect:
        npz.header('u8').dtype() == DType.UINT8
        npz.header('u8').shape() == [2, 3, 4] as long[]
        npz.header('be').byteOrder() == java.nio.ByteOrder.BIG_ENDIAN
        npz.header('fort').fortranOrder()

        cleanup:
        npz.close()
    }

    def "reads rows of NumPy arrays: C order, big-endian and Fortran order (#file)"() {
        given:
        NpzFile npz = NpzFile.open(fixture(file))

        expect:
        npz.readRows('u8', 1, 1).shape() == [1, 3, 4] as long[]
        npz.readRows('u8', 1, 1).asLongs() == (12..<24).collect { it * 11L % 256 } as long[]
        npz.readRows('be', 1, 3).asDoubles() == [1.5, 3, 4.5] as double[]
        npz.readRows('fort', 1, 1).asLongs() == [3, 4, 5] as long[]
        npz.readRows('names', 3, 1).asStrings() == [''] as String[]
        npz.readRows('f32', 3, 0).shape() == [0, 4] as long[]

        cleanup:
        npz.close()

        where:
        file << ['numpy_savez.npz', 'numpy_savez_compressed.npz']
    }

    def "readRows of a middle range equals that slice of the written data (#compression)"() {
        given:
        int rows = 5000
        int width = 24
        Random random = new Random(7)
        float[] values = new float[rows * width]
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() as float
        }
        Path out = dir.resolve('rows.npz')
        NpzWriter.create(out, compression).withCloseable { writer ->
            writer.write('before', NpyArray.ofStrings('pads the offset of x'))
            ArraySink x = writer.beginArray('x', DType.FLOAT32, 2, 12)
            for (int r = 0; r < rows; r++) {
                x.writeRow(Arrays.copyOfRange(values, r * width, (r + 1) * width))
            }
            writer.commit()
        }
        NpzFile npz = NpzFile.open(out)

        when:
        NpyArray block = npz.readRows('x', 1234, 321)

        then:
        npz.isStored('x') == (compression == NpzWriter.Compression.STORED)
        block.shape() == [321, 2, 12] as long[]
        block.asFloats() == Arrays.copyOfRange(values, 1234 * width, (1234 + 321) * width)
        npz.readRows('x', rows - 1, 1).asFloats() == Arrays.copyOfRange(values, (rows - 1) * width, rows * width)
        npz.read('x').asFloats() == values

        and: 'threads can share one open file'
        IntStream.range(0, 64).parallel().allMatch { int i ->
            npz.readRows('x', i * 50, 50).asFloats() == Arrays.copyOfRange(values, i * 50 * width, (i + 1) * 50 * width)
        }

        cleanup:
        npz?.close()

        where:
        compression << [NpzWriter.Compression.STORED, NpzWriter.Compression.DEFLATED]
    }

    def "rejects row ranges outside the array and rows of a scalar"() {
        given:
        NpzFile npz = NpzFile.open(fixture('numpy_savez.npz'))

        when:
        npz.readRows('i8', 3, 3)

        then:
        RegulensException e = thrown()
        e.message == "${fixture('numpy_savez.npz')}: i8.npy: rows 3..5 requested, but the array has 5 rows"

        when:
        npz.readRows('meta', 0, 1)

        then:
        e = thrown(RegulensException)
        e.message.endsWith('meta.npy: a scalar array has no rows')

        cleanup:
        npz.close()
    }

    def "reads ZIP64 central directories and extra fields (hand-built, as in archives over 4 GiB)"() {
        given:
        Path file = dir.resolve('zip64.npz')
        byte[] x = HandZip.npy("{'descr': '<i2', 'fortran_order': False, 'shape': (3, 2), }", [1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0] as byte[])
        byte[] y = HandZip.npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }", [7, 8] as byte[])
        Files.write(file, HandZip.stored(['x.npy': x, 'y.npy': y], true))
        NpzFile npz = NpzFile.open(file)

        expect:
        npz.names() == ['x', 'y']
        npz.read('x').asLongs() == [1, 2, 3, 4, 5, 6] as long[]
        npz.readRows('x', 1, 2).asLongs() == [3, 4, 5, 6] as long[]
        npz.read('y').asLongs() == [7, 8] as long[]

        cleanup:
        npz?.close()
    }

    def "a file that is not a zip is an error naming it"() {
        given:
        Path file = dir.resolve('peaks.npz')
        Files.writeString(file, content)

        when:
        NpzFile.open(file)

        then:
        RegulensException e = thrown()
        e.message == "$file: not an npz (zip) file"

        where:
        content << ['chr1\t100\t200\n', '', '\u0093NUMPY']
    }

    def "a missing array is an error listing the arrays there are"() {
        given:
        NpzFile npz = NpzFile.open(fixture('numpy_savez.npz'))

        when:
        npz.read('y')

        then:
        RegulensException e = thrown()
        e.message == "${fixture('numpy_savez.npz')}: no array 'y'; it has: ${FIXTURE_NAMES.join(', ')}"

        cleanup:
        npz.close()
    }

    def "an object array is an error naming file and array"() {
        given:
        Path file = dir.resolve('pickled.npz')
        byte[] objects = HandZip.npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", new byte[16])
        Files.write(file, HandZip.stored(['obj.npy': objects], false))
        NpzFile npz = NpzFile.open(file)

        when:
        npz.read('obj')

        then:
        RegulensException e = thrown()
        e.message == "$file: obj.npy: dtype '|O': object arrays need pickle; not supported"

        cleanup:
        npz.close()
    }

    def "a truncated file is an error naming it (cut at #keep bytes)"() {
        given:
        Path whole = dir.resolve('whole.npz')
        NpzWriter.create(whole).withCloseable { writer ->
            writer.write('x', NpyArray.ofFloats(new float[4000], 1000, 4))
            writer.commit()
        }
        Path cut = dir.resolve('cut.npz')
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(whole), keep))

        when:
        NpzFile.open(cut).withCloseable { it.read('x') }

        then:
        RegulensException e = thrown()
        e.message.startsWith("$cut: ")
        e.message.contains('truncated')

        where:
        keep << [100, 8000, 16_100]
    }

    def "an entry whose data is shorter than its shape says is an error, not a read into the next entry"() {
        given:
        Path file = dir.resolve('short.npz')
        byte[] npy = HandZip.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100,), }", new byte[40])
        byte[] next = HandZip.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100,), }", new byte[400])
        Files.write(file, HandZip.stored(['x.npy': npy, 'y.npy': next], false))
        NpzFile npz = NpzFile.open(file)

        when:
        npz.read('x')

        then:
        RegulensException e = thrown()
        e.message == "$file: x.npy: truncated: shape [100] of <f4 needs 400 data bytes, found 40"

        when:
        npz.readRows('x', 50, 10)

        then:
        e = thrown(RegulensException)
        e.message == "$file: x.npy: truncated: the entry ends before its data does"

        cleanup:
        npz.close()
    }

    def "damaged data fails the CRC-32 check of a whole read"() {
        given:
        Path file = dir.resolve('damaged.npz')
        NpzWriter.create(file).withCloseable { writer ->
            writer.write('x', NpyArray.ofBytes(new byte[1000], DType.UINT8))
            writer.commit()
        }
        byte[] bytes = Files.readAllBytes(file)
        bytes[600] = 1 // inside x's data: local header (~40 bytes) + npy header (64) < 600 < 1100
        Files.write(file, bytes)
        NpzFile npz = NpzFile.open(file)

        when:
        npz.read('x')

        then:
        RegulensException e = thrown()
        e.message == "$file: x.npy: CRC-32 mismatch: the data is damaged"

        cleanup:
        npz.close()
    }
}
