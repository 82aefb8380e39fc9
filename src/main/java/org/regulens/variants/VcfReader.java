package org.regulens.variants;

import htsjdk.tribble.TribbleException;
import htsjdk.tribble.readers.LineIterator;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.regulens.core.RegulensException;
import org.regulens.io.LineReader;

/**
 * Reads the variants of a VCF (plain, gzip or bgzip) with htsjdk's codec, one line at a time so that an error
 * names its line. Multi-allelic records are split into one {@link Variant} per ALT; symbolic alleles
 * ({@code <DEL>}, breakends, the spanning deletion {@code *}) and records without an ALT are skipped and counted,
 * because a sequence model can only score spelled-out bases.
 */
public final class VcfReader {

    /** The variants in file order and what was skipped. */
    public record Result(List<Variant> variants, long records, long symbolic, long withoutAlt) {
    }

    private VcfReader() {
    }

    public static Result read(Path vcf) {
        List<Variant> variants = new ArrayList<>();
        long records = 0;
        long symbolic = 0;
        long withoutAlt = 0;
        try (LineReader reader = new LineReader(vcf)) {
            VCFCodec codec = new VCFCodec();
            List<String> header = new ArrayList<>();
            String line;
            while ((line = reader.next()) != null && line.startsWith("#")) {
                header.add(line);
            }
            try {
                codec.readActualHeader(new ListLines(header));
            } catch (TribbleException | IllegalArgumentException e) {
                throw RegulensException.inFile(vcf, "not a VCF header: " + oneLine(e.getMessage()));
            }
            for (; line != null; line = reader.next()) {
                if (line.isBlank()) {
                    continue;
                }
                VariantContext record;
                try {
                    record = codec.decode(line);
                } catch (TribbleException | IllegalArgumentException | IllegalStateException e) {
                    throw reader.error("not a VCF record: " + oneLine(e.getMessage()));
                }
                if (record == null) {
                    continue;
                }
                records++;
                String ref = record.getReference().getBaseString().toUpperCase(Locale.ROOT);
                if (!spelledOut(ref)) {
                    throw reader.error("REF '" + ref + "' is not a run of A, C, G, T or N");
                }
                List<Allele> alts = record.getAlternateAlleles();
                if (alts.isEmpty()) {
                    withoutAlt++;
                }
                String id = record.hasID() ? record.getID() : ".";
                for (Allele alt : alts) {
                    String bases = alt.getBaseString().toUpperCase(Locale.ROOT);
                    if (alt.isSymbolic() || alt.equals(Allele.SPAN_DEL) || !spelledOut(bases)) {
                        symbolic++;
                        continue;
                    }
                    variants.add(new Variant(reader.lineNumber(), record.getContig(), record.getStart(), id, ref, bases));
                }
            }
        }
        return new Result(variants, records, symbolic, withoutAlt);
    }

    private static boolean spelledOut(String bases) {
        if (bases.isEmpty()) {
            return false;
        }
        for (int i = 0; i < bases.length(); i++) {
            if ("ACGTN".indexOf(bases.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ').trim();
    }

    /** The header lines as the iterator htsjdk's codec reads them from. */
    private static final class ListLines implements LineIterator {
        private final List<String> lines;
        private int next;

        ListLines(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public String peek() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return lines.get(next);
        }

        @Override
        public boolean hasNext() {
            return next < lines.size();
        }

        @Override
        public String next() {
            String line = peek();
            next++;
            return line;
        }
    }
}
