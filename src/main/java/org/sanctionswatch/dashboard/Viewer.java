package org.sanctionswatch.dashboard;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is looking, as pages and scripts need to know it: the name, the roles, and whether to offer triage.
 * The server decides on every request anyway; this only keeps the UI from offering what would be refused.
 */
record Viewer(String name, List<String> roles, boolean canTriage) {

	static Viewer of(Authentication authentication) {
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring(5))
			.sorted()
			.toList();
		return new Viewer(authentication.getName(), roles, roles.contains("ANALYST") || roles.contains("ADMIN"));
	}

}
