// Platform-specific global styles. Taro resolves `./styles/platform` to platform.h5.ts in the H5
// build; WeChat draws its own tab bar and needs nothing here.
export {}
