package org.balloon.scoring;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.ObservableServiceContract;

@QuarkusTest
@WithTestResource(BalloonInfrastructure.class)
class ObservabilityIT extends ObservableServiceContract {
}
