package de.buergerbuero.kernel.error;

/** Start-up configuration is missing or wrong; the message names the key. */
public class ConfigurationException extends BuergerbueroException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String detail) {
    super(KernelError.CONFIGURATION_INVALID, detail);
  }

  public ConfigurationException(String detail, Throwable cause) {
    super(KernelError.CONFIGURATION_INVALID, detail, cause);
  }
}
