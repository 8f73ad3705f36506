# Environment for Dawn (the `webgpu` npm package) on SwiftShader, the CPU Vulkan that Debian's
# chromium ships (the machine this project is developed and tested on has no GPU).
# On a machine with a real GPU, set VK_ICD_FILENAMES to its driver (e.g. nvidia_icd.json), or
# VSML_VULKAN=system to let the Vulkan loader pick.
if [ -z "${VK_ICD_FILENAMES:-}" ] && [ "${VSML_VULKAN:-}" != system ] \
  && [ -f /usr/lib/chromium/vk_swiftshader_icd.json ]; then
  export VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json
fi
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"
