package org.balloon.events;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.balloon.testsupport.AccessContract;
import org.balloon.testsupport.BalloonInfrastructure;

@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class AccessIT extends AccessContract {
}
