package org.minisim.architecture.cyclefixture.b;

import org.minisim.architecture.cyclefixture.a.A;

/** The other half of the deliberate package cycle. */
public class B {
    public A partner() {
        return new A();
    }
}
