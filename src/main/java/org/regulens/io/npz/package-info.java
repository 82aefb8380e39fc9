/**
 * NumPy {@code .npy} and {@code .npz} files: how tensors travel between regulens stages and to Python
 * tools ({@code numpy.load(path, allow_pickle=False)}, tfmodisco-lite).
 *
 * <ul>
 *   <li>{@link org.regulens.io.npz.NpzWriter} writes an npz atomically; arrays larger than memory are
 *       streamed row by row through {@link org.regulens.io.npz.ArraySink}.</li>
 *   <li>{@link org.regulens.io.npz.NpzFile} reads whole arrays or blocks of rows, from files written by
 *       regulens, {@code numpy.savez} or {@code numpy.savez_compressed}.</li>
 *   <li>{@link org.regulens.io.npz.NpyFile} reads and writes single {@code .npy} files.</li>
 *   <li>{@link org.regulens.io.npz.NpyArray} is an array in memory (at most 2 GiB of data);
 *       {@link org.regulens.io.npz.DType} its element type.</li>
 * </ul>
 *
 * <p>Data in memory and on write is little-endian and in C order; big-endian and Fortran-ordered input is
 * converted on read. Object arrays (pickles), structured dtypes, complex numbers, byte strings
 * ({@code |S}) and unsigned integers wider than 8 bits are rejected with a message naming the file and
 * array. Archives and entries over 4 GiB use ZIP64 (written by java.util.zip, read by our own central
 * directory parser); a 4.4 GB stored entry followed by a second entry at a &gt;4 GiB offset was checked
 * by hand to load in NumPy 2.4 and to read back rows here.
 */
package org.regulens.io.npz;
