package org.regulens.options;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a picocli option (a {@code Path} field) as something the command writes. Every other path option is an
 * input; {@link OutputGuard} refuses a run whose output is the same file as one of its inputs before any work.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Output {
}
