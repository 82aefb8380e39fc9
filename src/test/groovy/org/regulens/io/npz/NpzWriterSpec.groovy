package org.regulens.io.npz

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.ZipEntry
import java.util.zip.ZipFile

class NpzWriterSpec extends Specification {

    @TempDir
    Path dir

    /** An entry's .npy bytes split by hand: the dict text, where the data starts, and the data. */
    static Map parseNpy(byte[] bytes) {
        assert (bytes[0] & 0xFF) == 0x93 && new String(bytes, 1, 5, 'US-ASCII') == 'NUMPY'
        assert bytes[6] == 1 && bytes[7] == 0
        int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF
        int dataOffset = 10 + headerLength
        return [dict  : new String(bytes, 10, headerLength, 'ISO-8859-1'),
                offset: dataOffset,
                data  : ByteBuffer.wrap(Arrays.copyOfRange(bytes, dataOffset, bytes.length)).order(ByteOrder.LITTLE_ENDIAN)]
    }

    /** Entry name to [method, npy bytes], read with java.util.zip rather than the code under test. */
    static Map<String, List> entries(Path npz) {
        new ZipFile(npz.toFile()).withCloseable { zip ->
            zip.entries().toList().collectEntries { ZipEntry e -> [e.name, [e.method, zip.getInputStream(e).readAllBytes()]] }
        }
    }

    static List<String> listDir(Path dir) {
        Files.list(dir).withCloseable { it.map { p -> p.fileName.toString() }.sorted().toList() }
    }

    def "writes stored .npy entries whose bytes can be parsed by hand"() {
        given:
        Path out = dir.resolve('data.npz')

        when:
        NpzWriter.create(out).withCloseable { npz ->
            npz.write('y', NpyArray.ofFloats([0.25f, 1f, -3.5f] as float[]))
            npz.write('x', NpyArray.ofBytes([1, 0, 0, 0, 0, 1, 0, -1] as byte[], DType.UINT8, 2, 4))
            npz.write('names', NpyArray.ofStrings('peak1', 'p2'))
            npz.write('meta', NpyArray.ofString('{"a": 1}'))
            npz.commit()
        }
        Map<String, List> zip = entries(out)
        Map y = parseNpy(zip['y.npy'][1] as byte[])
        Map x = parseNpy(zip['x.npy'][1] as byte[])
        Map names = parseNpy(zip['names.npy'][1] as byte[])
        Map meta = parseNpy(zip['meta.npy'][1] as byte[])

        then:
        zip.keySet().toList() == ['y.npy', 'x.npy', 'names.npy', 'meta.npy']
        zip.values().every { it[0] == ZipEntry.STORED }
        [y, x, names, meta].every { it.offset % 64 == 0 && it.dict.endsWith('\n') }

        y.dict.trim() == "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }"
        y.data.capacity() == 12
        [y.data.getFloat(0), y.data.getFloat(4), y.data.getFloat(8)] == [0.25f, 1f, -3.5f]

        x.dict.trim() == "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 4), }"
        (0..<8).collect { x.data.get(it) & 0xFF } == [1, 0, 0, 0, 0, 1, 0, 255]

        names.dict.trim() == "{'descr': '<U5', 'fortran_order': False, 'shape': (2,), }"
        names.data.capacity() == 2 * 5 * 4
        names.data.getInt(0) == ('p' as char) as int
        names.data.getInt(20) == ('p' as char) as int
        names.data.getInt(28) == 0

        meta.dict.trim() == "{'descr': '<U8', 'fortran_order': False, 'shape': (), }"
        (0..<8).collect { meta.data.getInt(4 * it) as char }.join() == '{"a": 1}'

        listDir(dir) == ['data.npz']
    }

    def "deflated entries hold the same .npy bytes"() {
        given:
        NpyArray array = NpyArray.ofInts((0..<1000) as int[], 10, 100)

        when:
        [(NpzWriter.Compression.STORED): 'a.npz', (NpzWriter.Compression.DEFLATED): 'b.npz'].each { mode, name ->
            NpzWriter.create(dir.resolve(name), mode).withCloseable { npz ->
                npz.write('a', array)
                npz.commit()
            }
        }
        List stored = entries(dir.resolve('a.npz'))['a.npy']
        List deflated = entries(dir.resolve('b.npz'))['a.npy']

        then:
        stored[0] == ZipEntry.STORED
        deflated[0] == ZipEntry.DEFLATED
        deflated[1] == stored[1]
        Files.size(dir.resolve('b.npz')) < Files.size(dir.resolve('a.npz'))
    }

    def "streamed rows give exactly the bytes of an in-memory write of the same data (#compression)"() {
        given:
        int rows = 20_000
        int length = 100
        Random random = new Random(42)
        byte[] x = new byte[rows * 4 * length]
        random.nextBytes(x)
        float[] y = new float[rows]
        for (int i = 0; i < rows; i++) {
            y[i] = random.nextFloat()
        }
        Path streamed = dir.resolve('streamed.npz')
        Path inMemory = dir.resolve('memory.npz')
        List<String> duringStreaming = null

        when: 'x and y are streamed together, one record at a time'
        NpzWriter.create(streamed, compression).withCloseable { npz ->
            ArraySink xs = npz.beginArray('x', DType.UINT8, 4, length)
            ArraySink ys = npz.beginArray('y', DType.FLOAT32)
            for (int i = 0; i < rows; i++) {
                xs.writeRow(Arrays.copyOfRange(x, i * 4 * length, (i + 1) * 4 * length))
                ys.writeRow([y[i]] as float[])
            }
            duringStreaming = listDir(dir)
            npz.write('names', NpyArray.ofStrings('a', 'b'))
            npz.commit()
        }
        NpzWriter.create(inMemory, compression).withCloseable { npz ->
            npz.write('names', NpyArray.ofStrings('a', 'b'))
            npz.write('x', NpyArray.ofBytes(x, DType.UINT8, rows, 4, length))
            npz.write('y', NpyArray.ofFloats(y))
            npz.commit()
        }

        then: 'rows were spooled to hidden files beside the output, removed afterwards'
        duringStreaming.count { it ==~ /\.streamed\.npz\.regulens-\d+-[0-9a-z]+@[A-Za-z0-9-]*\.x\.spool\.part/ } == 1
        duringStreaming.count { it ==~ /\.streamed\.npz\.regulens-\d+-[0-9a-z]+@[A-Za-z0-9-]*\.y\.spool\.part/ } == 1
        listDir(dir) == ['memory.npz', 'streamed.npz']

        and: 'identical entries; identical files when entries come in the same order'
        entries(streamed).collectEntries { k, v -> [k, (v[1] as byte[]).encodeHex().toString()] } ==
                entries(inMemory).collectEntries { k, v -> [k, (v[1] as byte[]).encodeHex().toString()] }
        parseNpy(entries(streamed)['x.npy'][1] as byte[]).dict.contains("'shape': (20000, 4, 100)")

        where:
        compression << [NpzWriter.Compression.STORED, NpzWriter.Compression.DEFLATED]
    }

    def "the same arrays written in the same order give byte-identical files"() {
        when:
        ['a.npz', 'b.npz'].each { name ->
            NpzWriter.create(dir.resolve(name)).withCloseable { npz ->
                ArraySink x = npz.beginArray('x', DType.INT16, 3)
                x.writeRow([1, 2, 3] as short[])
                x.writeRow([4, 5, 6] as short[])
                x.close()
                npz.write('y', NpyArray.ofShorts([1, 2] as short[]))
                npz.commit()
            }
        }

        then:
        Files.readAllBytes(dir.resolve('a.npz')) == Files.readAllBytes(dir.resolve('b.npz'))
        entries(dir.resolve('a.npz')).keySet().toList() == ['x.npy', 'y.npy']
    }

    def "sinks take rows of every dtype, whole blocks and raw bytes"() {
        given:
        Path out = dir.resolve('kinds.npz')

        when:
        NpzWriter.create(out).withCloseable { npz ->
            npz.beginArray('b', DType.BOOL, 2).withCloseable { it.writeRow([true, false] as boolean[]) }
            npz.beginArray('i8', DType.INT8, 2).withCloseable { it.writeRow([-1, 1] as byte[]) }
            npz.beginArray('i32', DType.INT32, 2).withCloseable { it.writeRow([-1, 1] as int[]) }
            npz.beginArray('i64', DType.INT64, 2).withCloseable { it.writeRow([-1L, 1L] as long[]) }
            npz.beginArray('f64', DType.FLOAT64, 2).withCloseable { it.writeRow([-1d, 1d] as double[]) }
            npz.beginArray('s', DType.unicode(3), 2).withCloseable { it.writeRow('ab', 'cde') }
            npz.beginArray('raw', DType.FLOAT32, 2).withCloseable {
                it.writeRawRow(NpyArray.ofFloats([-1f, 1f] as float[]).rawBytes())
                it.writeRows(NpyArray.ofFloats([2f, 3f, 4f, 5f] as float[], 2, 2))
            }
            npz.beginArray('empty', DType.FLOAT32, 7)
            npz.commit()
        }
        Map<String, List> zip = entries(out)

        then:
        parseNpy(zip['b.npy'][1] as byte[]).dict.contains("'|b1', 'fortran_order': False, 'shape': (1, 2)")
        parseNpy(zip['s.npy'][1] as byte[]).dict.contains("'<U3', 'fortran_order': False, 'shape': (1, 2)")
        parseNpy(zip['raw.npy'][1] as byte[]).dict.contains("'shape': (3, 2)")
        parseNpy(zip['empty.npy'][1] as byte[]).dict.contains("'shape': (0, 7)")
        (parseNpy(zip['i64.npy'][1] as byte[]).data as ByteBuffer).getLong(0) == -1L
    }

    def "rejects rows that do not fit the array: #why"() {
        given:
        NpzWriter npz = NpzWriter.create(dir.resolve('bad.npz'))
        ArraySink sink = npz.beginArray('x', DType.FLOAT32, 2, 3)

        when:
        write(sink)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(message)

        cleanup:
        npz.close()

        where:
        why            | write                                        || message
        'length'       | { it.writeRow(new float[5]) }                || 'a row has 6 values, got 5'
        'dtype'        | { it.writeRow(new double[6]) }               || 'double values do not fit dtype <f4'
        'raw length'   | { it.writeRawRow(new byte[23]) }             || 'a row is 24 bytes, got 23'
        'block shape'  | { it.writeRows(NpyArray.ofFloats(new float[6], 1, 6)) } || 'expected rows of <f4[2, 3]'
    }

    def "rejects duplicate and empty names"() {
        given:
        NpzWriter npz = NpzWriter.create(dir.resolve('dup.npz'))
        npz.write('x', NpyArray.ofInts(new int[1]))

        when:
        npz.beginArray('x', DType.INT32)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains("array 'x' is already in")

        when:
        npz.write('', NpyArray.ofInts(new int[1]))

        then:
        thrown(IllegalArgumentException)

        cleanup:
        npz.close()
    }

    def "an exception midway leaves neither the output nor temporary files, and keeps an older output"() {
        given:
        Path out = dir.resolve('data.npz')
        Files.writeString(out, 'previous run')

        when:
        NpzWriter.create(out).withCloseable { npz ->
            npz.write('names', NpyArray.ofStrings('a'))
            ArraySink x = npz.beginArray('x', DType.UINT8, 4, 50)
            1000.times { x.writeRow(new byte[200]) }
            throw new IllegalStateException('encoder failed')
        }

        then:
        IllegalStateException e = thrown()
        e.message == 'encoder failed'
        listDir(dir) == ['data.npz']
        Files.readString(out) == 'previous run'
    }

    def "closing without commit deletes everything; the writer cannot be used afterwards"() {
        given:
        Path out = dir.resolve('never.npz')
        NpzWriter npz = NpzWriter.create(out)
        npz.write('y', NpyArray.ofFloats(new float[3]))
        npz.beginArray('x', DType.UINT8).writeRow([1] as byte[])

        when:
        npz.close()

        then:
        listDir(dir).isEmpty()

        when:
        npz.write('z', NpyArray.ofFloats(new float[3]))

        then:
        thrown(IllegalStateException)
    }
}
