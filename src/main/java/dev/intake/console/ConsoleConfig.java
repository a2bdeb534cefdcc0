package dev.intake.console;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The operator console `intake serve` serves at {@code /}. */
@ConfigMapping(prefix = "intake.console")
public interface ConsoleConfig {

    /**
     * User ids (Supabase {@code sub}) allowed to use it; none by default, so nobody is an operator.
     * On local data, serve's local user is one as well.
     */
    Optional<List<String>> operators();
}
