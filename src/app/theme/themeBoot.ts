// Runs before the first paint as a classic blocking <script> in <head> (the CSP forbids inline code): the build bundles
// it into assets/theme-boot-<hash>.js (scripts/themeBoot.ts), so a dark choice never flashes light.
import { applyTheme, readThemePref } from './theme';

applyTheme(readThemePref());
