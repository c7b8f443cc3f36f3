package org.minisim.job.cli;

import java.io.PrintStream;

/** One {@code minisim} sub-command: parses its arguments, does its work, returns the process exit status. */
@FunctionalInterface
public interface Command {

    /**
     * @param args the arguments after the command name
     * @param out  results (what a script reads)
     * @param err  progress, warnings and errors, one line each
     * @return the exit status: 0 success, 1 a failure of the work or its input, 2 a malformed command line
     */
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
