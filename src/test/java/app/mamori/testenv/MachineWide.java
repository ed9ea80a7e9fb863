package app.mamori.testenv;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that asserts on state the whole machine shares, such as which
 * {@code mamori_drill_*} folders {@code /var/tmp} holds. {@link MachineLock} runs it alone:
 * no test class of this run's other test JVM, or of another run on the machine, beside it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MachineWide {
}
