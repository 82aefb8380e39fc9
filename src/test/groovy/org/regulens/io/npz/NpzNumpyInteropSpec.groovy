package org.regulens.io.npz

import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Both directions against the real thing; skipped where python3 cannot import numpy. */
@Requires({ NumpyPython.available() })
class NpzNumpyInteropSpec extends Specification {

    @TempDir
    Path dir

    /** Loads an npz or npy with numpy (no pickle) and prints dtype, shape, values and zip method per array. */
    static final String DUMP = '''
import json, sys, zipfile
import numpy as np
path = sys.argv[1]
out = {}
if path.endswith('.npy'):
    arrays = {'array': np.load(path, allow_pickle=False)}
    methods = {'array': None}
else:
    with np.load(path, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    methods = {i.filename[:-4]: i.compress_type for i in zipfile.ZipFile(path).infolist()}
for name, a in arrays.items():
    out[name] = {'dtype': a.dtype.str, 'shape': list(a.shape), 'values': a.ravel(order='C').tolist(),
                 'method': methods[name]}
print(json.dumps(out))
'''

    static List<Float> floats(List values) {
        return values.collect { (it as BigDecimal).floatValue() }
    }

    def "numpy reads what regulens writes, streamed and in memory (#compression)"() {
        given:
        Path out = dir.resolve('encoded.npz')
        int rows = 300
        int length = 50
        Random random = new Random(3)
        List<byte[]> x = (0..<rows).collect { byte[] row = new byte[4 * length]; random.nextBytes(row); row }
        float[] y = (0..<rows).collect { random.nextFloat() * 10 - 5 } as float[]
        String[] names = (0..<rows).collect { "chr${it % 22 + 1}:${it * 1000}-${it * 1000 + 200}" + (it == 5 ? '\u00fc\uD835\uDD38' : '') } as String[]

        when:
        NpzWriter.create(out, compression).withCloseable { npz ->
            ArraySink xs = npz.beginArray('x', DType.UINT8, 4, length)
            ArraySink ys = npz.beginArray('y', DType.FLOAT32)
            for (int i = 0; i < rows; i++) {
                xs.writeRow(x[i])
                ys.writeRow([y[i]] as float[])
            }
            npz.write('names', NpyArray.ofStrings(names))
            npz.write('meta', NpyArray.ofString('{"length": 50, "strand": "+"}'))
            npz.write('split', NpyArray.ofBytes([0, 1, 2, 1] as byte[], DType.INT8))
            npz.write('i16', NpyArray.ofShorts([-32768, 32767] as short[]))
            npz.write('i32', NpyArray.ofInts([-7, 1 << 30] as int[], 1, 2))
            npz.write('i64', NpyArray.ofLongs([Long.MIN_VALUE, 1L << 60] as long[]))
            npz.write('f64', NpyArray.ofDoubles([Math.PI, -1e300] as double[]))
            npz.write('mask', NpyArray.ofBools([true, false] as boolean[]))
            npz.write('empty', NpyArray.ofFloats(new float[0], 0, 3))
            npz.commit()
        }
        Map dump = NumpyPython.json(DUMP, out) as Map
        int method = compression == NpzWriter.Compression.STORED ? 0 : 8

        then:
        dump.keySet() == ['x', 'y', 'names', 'meta', 'split', 'i16', 'i32', 'i64', 'f64', 'mask', 'empty'] as Set
        dump.values().every { it.method == method }

        dump.x.dtype == '|u1'
        dump.x.shape == [rows, 4, length]
        dump.x.values == x.collectMany { row -> row.collect { it & 0xFF } }
        dump.y.dtype == '<f4'
        dump.y.shape == [rows]
        floats(dump.y.values) == y.toList()
        dump.names.dtype == '<U' + names.collect { it.codePointCount(0, it.length()) }.max()
        dump.names.values == names.toList()
        dump.meta.shape == []
        dump.meta.values == ['{"length": 50, "strand": "+"}']
        dump.split.dtype == '|i1'
        dump.split.values == [0, 1, 2, 1]
        dump.i16.values == [-32768, 32767]
        dump.i32.dtype == '<i4'
        dump.i32.shape == [1, 2]
        dump.i32.values == [-7, 1 << 30]
        dump.i64.values == [Long.MIN_VALUE, 1L << 60]
        dump.f64.values.collect { (it as BigDecimal).doubleValue() } == [Math.PI, -1e300]
        dump.mask.dtype == '|b1'
        dump.mask.values == [true, false]
        dump.empty.shape == [0, 3]

        where:
        compression << [NpzWriter.Compression.STORED, NpzWriter.Compression.DEFLATED]
    }

    def "numpy reads a .npy file that regulens writes"() {
        given:
        Path file = dir.resolve('truth.npy')
        NpyFile.write(file, NpyArray.ofDoubles([0.5d, 1.5d, 2.5d, 3.5d, 4.5d, 5.5d] as double[], 2, 1, 3))

        when:
        Map dump = NumpyPython.json(DUMP, file) as Map

        then:
        dump.array.dtype == '<f8'
        dump.array.shape == [2, 1, 3]
        dump.array.values == [0.5, 1.5, 2.5, 3.5, 4.5, 5.5]
    }

    /** Writes random arrays with numpy, then prints what numpy itself reads back from the file. */
    static final String NUMPY_WRITES = '''
import sys
import numpy as np
path, mode = sys.argv[1], sys.argv[2]
rng = np.random.default_rng(11)
arrays = {
    'x': (rng.random((500, 4, 30)) < 0.25).astype(np.uint8),
    'y': rng.normal(size=(500,)).astype(np.float32),
    'i8': rng.integers(-128, 128, size=(7, 3)).astype(np.int8),
    'i64': rng.integers(-2**62, 2**62, size=(9,)),
    'flags': rng.random(11) < 0.5,
    'names': np.array(['peak_%d' % i + ('\\u00e9' * (i % 3)) for i in range(40)]),
    'json': np.array('{"a": [1, 2], "b": "\\u00fc"}'),
    'big': rng.normal(size=(20, 3)).astype('>f4'),
    'fortran': np.asfortranarray(rng.normal(size=(6, 5, 4))),
}
if mode == 'compressed':
    np.savez_compressed(path, **arrays)
else:
    np.savez(path, **arrays)
'''

    def "regulens reads what numpy.#mode writes"() {
        given:
        Path file = dir.resolve('numpy.npz')
        NumpyPython.run(NUMPY_WRITES, file, mode)
        Map dump = NumpyPython.json(DUMP, file) as Map
        NpzFile npz = NpzFile.open(file)

        expect:
        npz.names() == ['x', 'y', 'i8', 'i64', 'flags', 'names', 'json', 'big', 'fortran']
        npz.names().every { String name ->
            NpyArray array = npz.read(name)
            Map expected = dump[name] as Map
            assert array.shape().toList() == expected.shape
            List actual = switch (name) {
                case 'y', 'big' -> array.asFloats().toList()
                case 'fortran' -> array.asDoubles().toList()
                case 'flags' -> array.asBooleans().toList()
                case 'names', 'json' -> array.asStrings().toList()
                default -> array.asLongs().toList()
            }
            List values = expected.values as List
            assert actual == switch (name) {
                case 'y', 'big' -> floats(values)
                case 'fortran' -> values.collect { (it as BigDecimal).doubleValue() }
                default -> values
            }
            true
        }
        npz.read('big').dtype() == DType.FLOAT32
        npz.read('x').dtype() == DType.UINT8

        and: 'a block of rows equals the slice numpy sees'
        npz.readRows('x', 123, 45).asLongs().toList() == (dump.x.values as List).subList(123 * 120, 168 * 120)
        npz.readRows('fortran', 2, 3).asDoubles().toList() ==
                (dump.fortran.values as List).subList(40, 100).collect { (it as BigDecimal).doubleValue() }
        npz.readRows('big', 19, 1).asFloats().toList() == floats((dump.big.values as List).subList(57, 60))

        cleanup:
        npz?.close()

        where:
        mode << ['savez', 'compressed']
    }

    def "numpy reads the hand-built ZIP64 archive that the reader specs use, so that fixture is a real zip64 npz"() {
        given:
        Path file = dir.resolve('zip64.npz')
        byte[] x = HandZip.npy("{'descr': '<i2', 'fortran_order': False, 'shape': (3, 2), }", [1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0] as byte[])
        Files.write(file, HandZip.stored(['x.npy': x], true))

        when:
        Map dump = NumpyPython.json(DUMP, file) as Map

        then:
        dump.x.shape == [3, 2]
        dump.x.values == [1, 2, 3, 4, 5, 6]
    }
}
