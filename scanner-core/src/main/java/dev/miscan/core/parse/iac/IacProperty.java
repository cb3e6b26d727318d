package dev.miscan.core.parse.iac;

/**
 * A named member of an object, a Terraform attribute or a nested block.
 *
 * @param name       the name as written, without quotes
 * @param nameOffset offset of the name's first character in the document (an ARM name's opening quote), the
 *                   place of a finding on the property
 * @param value      its value (a Terraform block's body is an object)
 */
public record IacProperty(String name, int nameOffset, IacValue value) {
}
