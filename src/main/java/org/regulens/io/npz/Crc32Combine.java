package org.regulens.io.npz;

/**
 * CRC-32 of a concatenation from the CRCs of its parts. A streamed array's data CRC is computed while it
 * is spooled, but its header (holding the final row count) is only known at the end and comes first; this
 * joins the two without reading the spooled data again.
 *
 * <p>CRC-32 is linear over GF(2): crc(A ++ B) = crc(A) * x^(8|B|) mod P  xor  crc(B). Polynomials are kept
 * bit-reflected as in the CRC itself: bit 31 holds the coefficient of x^0, bit 0 that of x^31.
 */
final class Crc32Combine {

    /** The CRC-32 (IEEE) polynomial without its x^32 term, reflected. */
    private static final int POLY = 0xEDB88320;
    /** The polynomial 1 (x^0). */
    private static final int ONE = 0x80000000;

    private Crc32Combine() {
    }

    /** CRC-32 of A ++ B, given crc(A), crc(B) and the length of B in bytes. */
    static long combine(long crcA, long crcB, long lengthB) {
        int shifted = multiply(powerOfXPer8Bits(lengthB), (int) crcA);
        return Integer.toUnsignedLong(shifted ^ (int) crcB);
    }

    /** x^(8n) mod P by square-and-multiply, starting from x^8. */
    private static int powerOfXPer8Bits(long n) {
        int result = ONE;
        int square = ONE >>> 8; // x^8
        for (long rest = n; rest != 0; rest >>>= 1) {
            if ((rest & 1) != 0) {
                result = multiply(result, square);
            }
            square = multiply(square, square);
        }
        return result;
    }

    /** a * b mod P: adds b * x^k for each term x^k of a, stepping b by one power of x per bit. */
    private static int multiply(int a, int b) {
        int product = 0;
        for (int bit = ONE; bit != 0; bit >>>= 1) {
            if ((a & bit) != 0) {
                product ^= b;
            }
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return product;
    }
}
