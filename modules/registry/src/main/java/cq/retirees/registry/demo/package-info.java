/**
 * Deterministic generator of synthetic enterprises and retirees for demo mode, tests and benchmarks.
 *
 * <p><b>Never a real person's data, by design.</b> The generator cannot reproduce anybody's record, because
 * every identifying field is drawn from a range that no real person can hold:
 * <ul>
 *   <li>ID numbers use the region part 500190–500199, which GB/T 2260 has never assigned (Chongqing's
 *       district codes end at 500156, its county codes are 5002xx), yet they still pass
 *       {@link cq.retirees.kernel.ResidentIdNumber#parse(String)} so that the whole import path is exercised;</li>
 *   <li>phone numbers start with {@code 100}, a prefix no Chinese mobile operator issues;</li>
 *   <li>every address contains 示例 ("example") as its road name.</li>
 * </ul>
 * Names are drawn from common surnames and given-name characters; a name alone identifies nobody.
 * Enterprise credit codes are random but valid; enterprises are public bodies, not personal data.
 *
 * <p>Entry point: {@link cq.retirees.registry.demo.SyntheticRoster}.
 */
package cq.retirees.registry.demo;
