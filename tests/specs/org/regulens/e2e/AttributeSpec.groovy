package org.regulens.e2e

import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static org.regulens.e2e.RegulensRunner.python
import static org.regulens.e2e.RegulensRunner.run

/** regulens attribute on a model trained on simulated peaks: outputs, sharding, bedGraph, numpy, errors. */
class AttributeSpec extends Specification {

    @Shared @TempDir Path dir
    @Shared Path data
    @Shared Path model

    def setupSpec() {
        def sim = dir.resolve('sim')
        def r = run(['simulate', '--mode', 'genome', '--out', sim, '--seed', 4, '--chroms', 10, '--chrom-length', 40000,
                     '--peaks', 120, '--task', 'ctcf=MA0139.2'])
        assert r.exitCode == 0: r
        data = dir.resolve('data.npz')
        r = run(['encode', '--genome', sim.resolve('genome.fa'), '--samplesheet', sim.resolve('samplesheet.csv'),
                 '--width', 100, '--out', data, '--seed', 4])
        assert r.exitCode == 0: r
        model = dir.resolve('model.zip')
        r = run(['train', '--data', data, '--arch', 'deepbind', '--out', model, '--epochs', 2, '--seed', 1])
        assert r.exitCode == 0: r
    }

    def "deepshap over two shards, merged, equals one unsharded run; every array has the documented shape"() {
        when:
        def whole = dir.resolve('whole.npz')
        def r = run(['attribute', '--model', model, '--data', data, '--method', 'deepshap', '--refs', 3, '--split', 'test',
                     '--out', whole, '--modisco', dir.resolve('modisco')])
        def parts = (1..2).collect { i ->
            def p = dir.resolve("part$i" + '.npz')
            assert run(['attribute', '--model', model, '--data', data, '--method', 'deepshap', '--refs', 3,
                        '--split', 'test', '--shard', "$i/2", '--out', p]).exitCode == 0
            p
        }
        def merged = dir.resolve('merged.npz')
        def m = run(['attribute', 'merge', '--out', merged] + parts.reverse())

        then:
        r.exitCode == 0
        m.exitCode == 0
        compare(whole, merged) == 'same'
        concatenation(parts, merged) == 'same' // shard 1's rows, then shard 2's, whatever order merge was given
        Files.exists(dir.resolve('modisco/ohe.npz')) && Files.exists(dir.resolve('modisco/hyp.npz'))
    }

    @Requires({ RegulensRunner.hasNumpy() })
    def "numpy reads the output: attr = hyp × x, x is one-hot, deltas are small, index points into the data set"() {
        given:
        def out = dir.resolve('ig.npz')
        assert run(['attribute', '--model', model, '--data', data, '--method', 'deeplift', '--split', 'valid',
                    '--out', out, '--modisco', dir.resolve('m2')]).exitCode == 0

        when:
        def report = python('''
import sys, numpy as np
a = np.load(sys.argv[1], allow_pickle=False); d = np.load(sys.argv[2], allow_pickle=False)
ohe = np.load(sys.argv[3])['arr_0']; hyp = np.load(sys.argv[4])['arr_0']
n = a['x'].shape[0]
ok = [a['hyp'].shape == a['x'].shape == a['attr'].shape == (n, 4, 100),
      np.allclose(a['attr'], a['hyp'] * a['x']),
      np.array_equal(a['x'], d['x'][a['index']].astype(np.float32)),
      bool((d['split'][a['index']] == 1).all()),
      a['pred'].shape == (n, 1), bool(np.nanmax(a['delta']) < 1e-3),
      np.array_equal(ohe, a['x']), np.array_equal(hyp, a['hyp'])]
print(' '.join(str(bool(v)) for v in ok))
''', [out, data, dir.resolve('m2/ohe.npz'), dir.resolve('m2/hyp.npz')])

        then:
        report.trim() == (['True'] * 8).join(' ')
    }

    def "ism with a bedGraph: one value per covered base, sorted, equal to the per-base sums of attr"() {
        when:
        def out = dir.resolve('ism.npz')
        def bg = dir.resolve('ism.bedgraph')
        def r = run(['attribute', '--model', model, '--data', data, '--method', 'ism', '--label', 'positive',
                     '--max-sequences', 5, '--out', out, '--bedgraph', bg])
        def lines = bg.readLines()
        def records = lines.drop(1)*.split('\t')
        def expected = perBase(out)
        def observed = expandBedGraph(records)

        then:
        r.exitCode == 0
        lines[0].startsWith('track type=bedGraph')
        records.size() > 0
        records.every { (it[2] as long) > (it[1] as long) }
        // sorted and non-overlapping within each chromosome
        records.groupBy { it[0] }.values().every { recs -> (1..<recs.size()).every { recs[it][1] as long >= recs[it - 1][2] as long } }
        and: 'each base holds the sum over the four bases of attr at its window position (minus-strand windows reversed; mean where windows overlap)'
        observed.size() > 0
        expected.keySet() == observed.keySet()
        observed.every { key, value -> Math.abs(value - expected[key]) <= 1e-5 * Math.abs(expected[key]) + 1e-6 }
    }

    /** The per-base sums of attr by genome base ("chrom:pos"), read from the attribution and data files. */
    Map<String, Double> perBase(Path attribution) {
        def a = org.regulens.io.npz.NpzFile.open(attribution)
        def d = org.regulens.io.npz.NpzFile.open(data)
        try {
            float[] attr = a.read('attr').asFloats()
            long[] index = a.read('index').asLongs()
            String[] chrom = d.read('chrom').asStrings(), strand = d.read('strand').asStrings()
            long[] start = d.read('start').asLongs(), end = d.read('end').asLongs()
            int length = a.header('attr').shape()[2]
            Map<String, List<Double>> values = [:]
            index.eachWithIndex { long index0, int i ->
                int row = index0 as int
                length.times { j ->
                    double sum = (0..<4).collect { b -> attr[(i * 4 + b) * length + j] as double }.sum()
                    long base = strand[row] == '-' ? end[row] - 1 - j : start[row] + j
                    values.computeIfAbsent("${chrom[row]}:$base".toString()) { [] } << sum
                }
            }
            values.collectEntries { k, v -> [k, v.sum() / v.size()] } as Map<String, Double>
        } finally {
            a.close(); d.close()
        }
    }

    static Map<String, Double> expandBedGraph(List records) {
        Map<String, Double> bases = [:]
        records.each { r -> ((r[1] as long)..<(r[2] as long)).each { bases["${r[0]}:$it".toString()] = r[3] as double } }
        bases
    }

    def "saliency's attr is |hyp| at the observed base, gradxinput's is hyp × x, same hyp; --center centres hyp per position"() {
        when:
        def run3 = ['saliency', 'gradxinput', 'gradxinput --center'].collectEntries { m ->
            def out = dir.resolve(m.replace(' --', '_') + '.npz')
            def args = ['attribute', '--model', model, '--data', data, '--method', m.split(' ')[0], '--split', 'test',
                        '--max-sequences', 8, '--out', out] + (m.contains('--center') ? ['--center'] : [])
            assert run(args).exitCode == 0
            def npz = org.regulens.io.npz.NpzFile.open(out)
            try { [m, ['x', 'hyp', 'attr'].collectEntries { [it, npz.read(it).asFloats()] }] } finally { npz.close() }
        }
        def s = run3.saliency, g = run3.gradxinput, c = run3['gradxinput --center']
        int length = 100

        then:
        s.x == g.x && s.hyp == g.hyp
        (0..<s.x.length).every { s.attr[it] == Math.abs(s.hyp[it]) * s.x[it] && g.attr[it] == g.hyp[it] * g.x[it] }
        (0..<s.x.length).any { g.attr[it] < 0 } && s.attr != g.attr
        and: 'centred: every position sums to 0 over the bases and equals hyp minus its positional mean; attr = centred hyp × x'
        (0..<(s.x.length / 4)).every { p ->
            int i = p.intdiv(length), j = p % length
            def idx = (0..<4).collect { b -> (i * 4 + b) * length + j }
            double mean = idx.collect { g.hyp[it] as double }.sum() / 4
            Math.abs(idx.collect { c.hyp[it] as double }.sum()) < 1e-5 && idx.every { Math.abs(c.hyp[it] - (g.hyp[it] - mean)) < 1e-5 }
        }
        (0..<s.x.length).every { c.attr[it] == c.hyp[it] * c.x[it] }
    }

    def "lrp (epsilon, alpha-beta) and deeplift --rule revealcancel run from the command line: attr = hyp × x, RevealCancel's deltas are small"() {
        when:
        def runs = ['lrp', 'lrp --lrp-rule alpha-beta', 'deeplift --rule revealcancel'].collectEntries { m ->
            def out = dir.resolve(m.replaceAll('[^a-z]+', '_') + '.npz')
            def words = m.split(' ') as List
            assert run(['attribute', '--model', model, '--data', data, '--method'] + words + ['--split', 'test',
                        '--max-sequences', 6, '--out', out]).exitCode == 0
            def npz = org.regulens.io.npz.NpzFile.open(out)
            try { [m, ['x', 'hyp', 'attr', 'delta'].collectEntries { [it, npz.read(it).asFloats()] }] } finally { npz.close() }
        }
        def eps = runs.lrp, ab = runs['lrp --lrp-rule alpha-beta'], rc = runs['deeplift --rule revealcancel']

        then:
        [eps, ab].every { r -> (0..<r.x.length).every { r.attr[it] == r.hyp[it] * r.x[it] } }
        (0..<eps.x.length).any { Math.abs(eps.hyp[it] - ab.hyp[it]) > 1e-4 }
        eps.delta.every { Float.isNaN(it) }
        rc.delta.length == 6 && rc.delta.every { it < 1e-3 }
    }

    def "bad input: unknown method, unknown task, bad shard, unknown baseline; nothing written"() {
        when:
        def out = dir.resolve("bad$i" + '.npz')
        def r = run(['attribute', '--model', model, '--data', data, '--out', out] + args)

        then:
        r.exitCode != 0
        r.stderr.contains(message)
        !Files.exists(out)

        where:
        i | args                                                   | message
        1 | ['--method', 'magic']                                  | 'unknown --method'
        2 | ['--method', 'ism', '--task', 'nope']                  | "no task 'nope'"
        3 | ['--method', 'ism', '--shard', '3/2']                  | '--shard must be i/n'
        4 | ['--method', 'ig', '--baseline', 'random']             | 'unknown baseline'
        5 | ['--method', 'deeplift', '--rule', 'magic']            | '--rule must be one of [rescale, revealcancel]'
        6 | ['--method', 'lrp', '--lrp-alpha', 0.5]                | '--lrp-alpha must be a finite number >= 1'
    }

    /** 'same' when the merged file's arrays are the shards' arrays concatenated, in the order of {@code parts}. */
    static String concatenation(List<Path> parts, Path merged) {
        def files = parts.collect { org.regulens.io.npz.NpzFile.open(it) }
        def m = org.regulens.io.npz.NpzFile.open(merged)
        try {
            def diff = ['x', 'hyp', 'attr', 'pred', 'delta', 'index'].findAll { name ->
                def joined = new ByteArrayOutputStream()
                files.each { joined.write(it.read(name).rawBytes()) }
                !Arrays.equals(joined.toByteArray(), m.read(name).rawBytes())
            }
            diff ? "differ: $diff" : 'same'
        } finally {
            files*.close(); m.close()
        }
    }

    /** 'same' when both files hold identical x, hyp, attr, pred, delta and index arrays. */
    static String compare(Path a, Path b) {
        def fa = org.regulens.io.npz.NpzFile.open(a)
        def fb = org.regulens.io.npz.NpzFile.open(b)
        try {
            def diff = ['x', 'hyp', 'attr', 'pred', 'delta', 'index'].findAll { name ->
                !Arrays.equals(fa.read(name).rawBytes(), fb.read(name).rawBytes())
            }
            diff ? "differ: $diff" : 'same'
        } finally {
            fa.close(); fb.close()
        }
    }
}
