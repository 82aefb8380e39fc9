package org.regulens.variants

import org.regulens.attribute.Methods
import org.regulens.attribute.ModelFunction
import org.regulens.cli.Regulens
import org.regulens.core.RegulensException
import org.regulens.model.InferenceNetworkSpec
import org.regulens.model.ModelFile
import org.regulens.model.RegulensModel
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPOutputStream

/**
 * regulens variants: VCF edge cases, windows against hand-built strings, and the scores against the model run on
 * those strings and against in-silico mutagenesis of the same base.
 */
class VariantsSpec extends Specification {

    static final int L = InferenceNetworkSpec.L
    static final String HEADER = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"

    @Shared @TempDir Path dir
    @Shared RegulensModel model
    @Shared Path modelFile
    @Shared Path genome
    @Shared Map<String, String> chroms = [:]

    def setupSpec() {
        model = InferenceNetworkSpec.trainedModel('cnn-local', 'exp', 'average')
        modelFile = dir.resolve('model.zip')
        ModelFile.save(modelFile, model)
        def random = new Random(5)
        chroms.chrA = (0..<400).collect { 'ACGT'[random.nextInt(4)] }.join('')
        chroms.chrB = (0..<300).collect { 'acgt'[random.nextInt(4)] }.join('') // soft-masked: case is ignored
        genome = dir.resolve('genome.fa')
        genome.text = chroms.collect { name, s -> ">$name\n" + s.toList().collate(60)*.join('').join('\n') }.join('\n') + '\n'
    }

    // --- windows

    def "windows: SNV, insertion and deletion against hand-built strings (L = 10)"() {
        given:
        byte[] chrom = 'AAAAACCCCCGGGGGTTTTT'.bytes // 0-based: C at 5..9, G at 10..14
        def v = { int pos, String ref, String alt -> new Variant(1, 'c', pos, '.', ref, alt) }

        expect: 'an SNV at index 5 of both windows'
        new String(VariantWindows.window(chrom, v(11, 'G', 'T'), false, 10)) == 'CCCCCGGGGG'
        new String(VariantWindows.window(chrom, v(11, 'G', 'T'), true, 10)) == 'CCCCCTGGGG'

        and: 'an insertion of 4 bases: the 5-base allele starts at 10/2 - 5/2 = 3, flanks trimmed'
        new String(VariantWindows.window(chrom, v(11, 'G', 'GAAAA'), false, 10)) == 'CCCCCGGGGG'
        new String(VariantWindows.window(chrom, v(11, 'G', 'GAAAA'), true, 10)) == 'CCCGAAAAGG'

        and: 'a deletion of 3 bases: REF GGGG starts at 3, the 1-base ALT at 5, the right flank padded from the genome'
        new String(VariantWindows.window(chrom, v(11, 'GGGG', 'G'), false, 10)) == 'CCCGGGGGTT'
        new String(VariantWindows.window(chrom, v(11, 'GGGG', 'G'), true, 10)) == 'CCCCCGGTTT'

        and: 'N beyond the chromosome ends'
        new String(VariantWindows.window(chrom, v(2, 'A', 'C'), true, 10)) == 'NNNNACAAAC'
        new String(VariantWindows.window(chrom, v(19, 'T', 'A'), true, 10)) == 'GGTTTATNNN'
    }

    def "REF check: case ignored, N in REF matches, past the end reported"() {
        given:
        byte[] chrom = 'acgtACGT'.bytes

        expect:
        VariantWindows.refMismatch(chrom, new Variant(1, 'c', 2, '.', 'CGTA', 'C')) == null
        VariantWindows.refMismatch(chrom, new Variant(1, 'c', 2, '.', 'CNTA', 'C')) == null
        VariantWindows.refMismatch(chrom, new Variant(1, 'c', 2, '.', 'CGTT', 'C')) == 'cgtA'
        VariantWindows.refMismatch(chrom, new Variant(1, 'c', 7, '.', 'GTA', 'G')) == 'GT'
        VariantWindows.refMismatch(chrom, new Variant(1, 'c', 9, '.', 'A', 'G')) == ''
    }

    // --- VCF

    def "VCF: multi-allelic records split, symbolic alleles and records without ALT counted, gzip read"() {
        given:
        def text = HEADER + [
                "chrA\t10\trs1\tA\tC,G,<DEL>\t.\t.\t.",
                "chrA\t20\t.\tAC\tA,*\t.\t.\t.",
                "chrA\t30\t.\tC\t.\t.\t.\t.",
                "chrB\t40\t.\tg\tgTT,A[chrA:5[\t.\t.\t."].join('\n') + '\n'
        def gz = dir.resolve('edge.vcf.gz')
        new GZIPOutputStream(Files.newOutputStream(gz)).withWriter { it << text }

        when:
        def result = VcfReader.read(gz)

        then:
        result.variants()*.label() == ['chrA:10:A:C', 'chrA:10:A:G', 'chrA:20:AC:A', 'chrB:40:G:GTT']
        result.variants()*.line() == [3, 3, 4, 6]
        result.variants()[0].id() == 'rs1'
        result.records() == 4
        result.symbolic() == 3
        result.withoutAlt() == 1
    }

    def "VCF: a malformed record or header is an error naming the file (and line)"() {
        given:
        def bad = dir.resolve('bad.vcf')
        bad.text = HEADER + "chrA\t10\t.\tA\tC\t.\t.\t.\nchrA\tten\t.\tA\tC\t.\t.\t.\n"
        def noHeader = dir.resolve('noheader.vcf')
        noHeader.text = "chrA\t10\t.\tA\tC\t.\t.\t.\n"

        when:
        VcfReader.read(bad)
        then:
        def e = thrown(RegulensException)
        e.message.startsWith("$bad:4: not a VCF record")

        when:
        VcfReader.read(noHeader)
        then:
        def f = thrown(RegulensException)
        f.message.startsWith("$noHeader: not a VCF header")
    }

    // --- the command

    def "scores equal the model on hand-built windows; an SNV's logit difference equals ISM at that base"() {
        given:
        String a = chroms.chrA
        int pos = 200 // 1-based
        String ref = a[pos - 1]
        String alt = ref == 'T' ? 'A' : 'T'
        String delRef = a.substring(99, 103)
        def vcf = write('ok.vcf', "chrA\t$pos\tsnv\t$ref\t$alt\t.\t.\t.\nchrA\t100\tdel\t$delRef\t${delRef[0]}\t.\t.\t.\n")
        def out = dir.resolve('ok.tsv')

        when:
        def r = regulens('variants', '--model', modelFile, '--genome', genome, '--vcf', vcf, '--out', out, '--batch-size', 1)
        def rows = table(out)

        and: 'the windows built independently from the chromosome string'
        String refWindow = a.substring(pos - 1 - L / 2 as int, pos - 1 + L / 2 as int)
        String altWindow = refWindow.substring(0, L / 2 as int) + alt + refWindow.substring(L / 2 + 1 as int)
        // deletion of 3 bases at 0-based 99: REF (4 bases) starts at L/2 - 2, ALT (1 base) at L/2
        String delRefWindow = a.substring(99 - (L / 2 - 2) as int, 99 - (L / 2 - 2) + L as int)
        String delAltWindow = a.substring(99 - L / 2 as int, 100) + a.substring(103, 103 + L / 2 - 1 as int)
        float[][] expected = model.logits(oneHot([refWindow, altWindow, delRefWindow, delAltWindow]), 4)

        and: 'ISM of the attribute command on the ref window'
        def ism = Methods.create('ism', new ModelFunction(model), 1, new Methods.Settings(null, 1, 1, 1, 0, false, null, false, 1))
        float[] hyp = ism.attribute(oneHot([refWindow]), 1, [0L] as long[]).hypothetical()
        int c = L / 2
        double ismDelta = hyp['ACGT'.indexOf(alt) * L + c] - hyp['ACGT'.indexOf(ref) * L + c]

        then:
        r.code == 0
        rows.size() == 4
        rows*.task == ['a', 'b', 'a', 'b']
        rows*.id == ['snv', 'snv', 'del', 'del']
        [0, 1].every { t ->
            close(rows[t].ref_logit, expected[0][t]) && close(rows[t].alt_logit, expected[1][t]) &&
                    close(rows[2 + t].ref_logit, expected[2][t]) && close(rows[2 + t].alt_logit, expected[3][t])
        }
        Math.abs((rows[1].logit_diff as double) - ismDelta) < 1e-4
        rows.every { row ->
            close(row.logit_diff, (row.alt_logit as double) - (row.ref_logit as double)) &&
                    close(row.log2fc, Math.log((row.alt_prob as double) / (row.ref_prob as double)) / Math.log(2))
        }
    }

    def "a REF that disagrees with the genome: error naming the record and nothing written; --skip-mismatch counts it"() {
        given:
        String a = chroms.chrA
        String wrong = a[49] == 'A' ? 'C' : 'A'
        def vcf = write('mismatch.vcf', "chrA\t30\t.\t${a[29]}\tN\t.\t.\t.\nchrA\t50\t.\t$wrong\tG\t.\t.\t.\n")
        def out = dir.resolve('mismatch.tsv')

        when:
        def r = regulens('variants', '--model', modelFile, '--genome', genome, '--vcf', vcf, '--out', out)
        then:
        r.code == 1
        r.err.readLines().size() == 1
        r.err.contains("$vcf:4: chrA:50: REF $wrong disagrees with the genome's ${a[49]}")
        !Files.exists(out)
        Files.list(dir).noneMatch { it.fileName.toString().startsWith('mismatch.tsv') }

        when:
        def s = regulens('variants', '--model', modelFile, '--genome', genome, '--vcf', vcf, '--out', out, '--skip-mismatch')
        then:
        s.code == 0
        table(out)*.pos == ['30', '30']
    }

    def "a chromosome the genome lacks: error naming the record; --skip-mismatch skips it"() {
        given:
        def vcf = write('absent.vcf', "chrB\t10\t.\t${chroms.chrB[9].toUpperCase()}\tA\t.\t.\t.\nchr9\t5\t.\tA\tC\t.\t.\t.\n")
        def out = dir.resolve('absent.tsv')

        when:
        def r = regulens('variants', '--model', modelFile, '--genome', genome, '--vcf', vcf, '--out', out)
        then:
        r.code == 1
        r.err.contains("$vcf:4: chr9:5: chromosome 'chr9' is not in $genome")
        !Files.exists(out)

        when:
        def s = regulens('variants', '--model', modelFile, '--genome', genome, '--vcf', vcf, '--out', out, '--skip-mismatch')
        then:
        s.code == 0
        table(out)*.chrom == ['chrB', 'chrB']
    }

    def "report --variants: per task the 20 largest |logit_diff|, strongest first, escaped"() {
        given:
        def effects = dir.resolve('effects.tsv')
        def lines = [EffectTable.header().trim()]
        25.times { i -> // logit_diff alternates in sign and grows with i: the largest |diff| is i = 24 (+2.4)
            double diff = (i % 2 == 0 ? 1 : -1) * i / 10
            lines << "chrA\t${100 + i}\tv$i\tA\tC\ta\t0\t$diff\t$diff\t0.5\t0.5\t0"
        }
        lines << "chrB\t7\t<b>\tA\tG\tb\t0\t-3\t-3\t0.5\t0.04\t-3.6"
        effects.text = lines.join('\n') + '\n'
        def html = dir.resolve('report.html')

        when:
        def r = regulens('report', '--out', html, '--variants', effects, '--motif-db', 'none')
        def text = html.text
        def section = text.substring(text.indexOf('<section id="variants"'), text.indexOf('</section>', text.indexOf('<section id="variants"')))
        def ids = (section =~ /<tr><td>[^<]*<\/td><td>([^<]*)<\/td>/).collect { it[1] }

        then:
        r.code == 0
        ids.take(4) == ['v24', 'v23', 'v22', 'v21']
        ids.size() == 21 // 20 of task a, 1 of task b
        !ids.contains('v4') // |diff| 0.4 is not among the 20 largest
        ids.last() == '&lt;b&gt;'
        section.contains('a: 25 variant(s); 7 with logit difference ≤ −1, 8 ≥ 1')
    }

    // --- helpers

    Path write(String name, String body) {
        def file = dir.resolve(name)
        file.text = HEADER + body
        file
    }

    static boolean close(Object printed, double expected) {
        Math.abs((printed as double) - expected) <= 1e-5 + 1e-5 * Math.abs(expected)
    }

    static float[] oneHot(List<String> windows) {
        float[] x = new float[windows.size() * 4 * L]
        windows.eachWithIndex { String w, int i ->
            w.toUpperCase().toList().eachWithIndex { String b, int j ->
                int k = 'ACGT'.indexOf(b)
                if (k >= 0) {
                    x[i * 4 * L + k * L + j] = 1f
                }
            }
        }
        x
    }

    static List<Map<String, String>> table(Path tsv) {
        def lines = tsv.readLines()
        def header = lines[0].split('\t') as List
        assert header == EffectTable.COLUMNS
        lines.drop(1).collect { line -> [header, line.split('\t') as List].transpose().collectEntries() }
    }

    static Map regulens(Object... args) {
        def err = new StringWriter()
        def commandLine = Regulens.commandLine()
        commandLine.setErr(new PrintWriter(err))
        int code = commandLine.execute((['-q'] + (args as List)).collect { it.toString() } as String[])
        [code: code, err: err.toString()]
    }
}
