"""Virtual devices for tests, the demo and diagnosis: a contactless card for pcscd's vpcd
driver, and a pty that plays magnetic-stripe swipes like a serial reader."""
