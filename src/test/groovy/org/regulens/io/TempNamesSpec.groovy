package org.regulens.io

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * Temporaries left by a killed run are swept by the next run writing the same output; those of live processes,
 * of other outputs and anything not ours stay.
 */
class TempNamesSpec extends Specification {

    @TempDir
    Path dir

    /** A process id that runs no process: one past the highest live one, checked. */
    static long deadPid() {
        long pid = ProcessHandle.allProcesses().mapToLong { it.pid() }.max().asLong + 1000
        while (ProcessHandle.of(pid).isPresent()) {
            pid++
        }
        pid
    }

    /** This host's word, as TempNames writes it (read from a fresh name). */
    static String host(Path dir) {
        def name = TempNames.beside(dir.resolve('probe'), '.part').fileName.toString()
        (name =~ /@([A-Za-z0-9-]*)\.part$/)[0][1]
    }

    Path touch(String name, Instant modified = Instant.now()) {
        def file = dir.resolve(name)
        file.text = 'x'
        Files.setLastModifiedTime(file, FileTime.from(modified))
        file
    }

    def "a fresh name is hidden, beside the target, names this process and ends as asked"() {
        when:
        def name = TempNames.beside(dir.resolve('data.npz'), '.x.spool.part')

        then:
        name.parent == dir
        name.fileName.toString() ==~ /\.data\.npz\.regulens-${ProcessHandle.current().pid()}-[0-9a-z]+@[A-Za-z0-9-]*\.x\.spool\.part/
    }

    def "the sweep removes the temporaries of the output whose owner is gone, and nothing else"() {
        given:
        def host = host(dir)
        long dead = deadPid()
        long live = ProcessHandle.current().pid()
        long parent = ProcessHandle.current().parent().get().pid()
        def stale = touch(".data.npz.regulens-${dead}-abc@${host}.part")
        def staleSpool = touch(".data.npz.regulens-${dead}-abd@${host}.x.spool.part")
        def staleForeign = touch(".data.npz.regulens-12-abe@otherhost.part", Instant.now().minus(2, ChronoUnit.DAYS))
        def keep = [
            touch(".data.npz.regulens-${parent}-abf@${host}.part"),                    // its owner still runs
            touch(".data.npz.regulens-${live}-abg@${host}.part"),                      // this very process
            touch(".data.npz.regulens-12-abh@otherhost.part"),                         // another host, recent
            touch(".data.npz.gz.regulens-${dead}-abi@${host}.part"),                   // another output's
            touch(".other.npz.regulens-${dead}-abj@${host}.part"),                     // another output's
            touch(".data.npz.1234.part"),                                              // not our naming
            touch("data.npz"),                                                         // the output itself
        ]

        when:
        int removed = TempNames.sweep(dir.resolve('data.npz'))

        then:
        removed == 3
        !Files.exists(stale) && !Files.exists(staleSpool) && !Files.exists(staleForeign)
        keep.every { Files.exists(it) }
    }

    def "a stale staging folder of an output folder is removed with its contents"() {
        given:
        def staging = dir.resolve(".staging.regulens-${deadPid()}-abc@${host(dir)}.part")
        Files.createDirectories(staging.resolve('sub'))
        staging.resolve('sub/a.tsv').text = 'x'
        staging.resolve('b.tsv').text = 'y'
        def result = dir.resolve('result.tsv')
        result.text = 'z'

        when:
        def removed = TempNames.sweepStaging(dir)

        then:
        removed == 2
        !Files.exists(staging)
        result.text == 'z'
    }

    def "AtomicOutput sweeps what a killed writer of the same output left, then writes"() {
        given:
        def stale = touch(".out.tsv.regulens-${deadPid()}-abc@${host(dir)}.part")

        when:
        AtomicOutput.writeString(dir.resolve('out.tsv'), 'hello\n')

        then:
        !Files.exists(stale)
        dir.resolve('out.tsv').text == 'hello\n'
        Files.list(dir).withCloseable { s -> s.toList() } == [dir.resolve('out.tsv')]
    }

    def "an open output folder's staging is deleted with its contents by the shutdown cleanup (SIGTERM)"() {
        given:
        def out = OutputDirectory.create(dir.resolve('results'))
        out.resolve('half.tsv').text = 'partial'
        def staging = out.resolve('half.tsv').parent

        when:
        TempFiles.deleteAll()

        then:
        Files.isDirectory(dir.resolve('results'))
        !Files.exists(staging)
        Files.list(dir.resolve('results')).withCloseable { it.toList() }.isEmpty()

        cleanup:
        out?.close()
    }
}
