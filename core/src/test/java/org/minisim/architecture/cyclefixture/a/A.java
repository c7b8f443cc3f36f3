package org.minisim.architecture.cyclefixture.a;

import org.minisim.architecture.cyclefixture.b.B;

/** Half of a deliberate package cycle: proves the cycle rule catches one. */
public class A {
    public B partner() {
        return new B();
    }
}
