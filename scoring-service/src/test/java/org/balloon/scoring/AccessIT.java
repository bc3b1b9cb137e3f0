package org.balloon.scoring;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.balloon.testsupport.AccessContract;
import org.balloon.testsupport.BalloonInfrastructure;

@QuarkusTest
@WithTestResource(BalloonInfrastructure.class)
class AccessIT extends AccessContract {
}
