package org.balloon.contracts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code balloon.topics.*}: the names the services use for the contract's topics, by default those
 * of {@link Topics} (the one place they are written); a test run gives itself topics of its own.
 */
@ConfigMapping(prefix = "balloon.topics")
public interface TopicNames {

    @WithDefault(Topics.POLICY_ACTIONS)
    String policyActions();

    @WithDefault(Topics.ACTION_SCORES)
    String actionScores();

    @WithDefault(Topics.POLICY_ACTIONS_DLQ)
    String dlq();
}
