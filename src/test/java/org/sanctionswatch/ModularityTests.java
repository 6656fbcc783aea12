package org.sanctionswatch;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	// each top-level package is a module: no cycles, and no reaching into another module's internals
	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(SanctionsWatchApplication.class).verify();
	}

}
