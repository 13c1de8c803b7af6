/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.scss'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time and replaced in the bundle, so the other target's branch is dropped. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn' | 'quickapp'
    /** CloudBase environment id for the weapp build (from .env.*, never committed). */
    TARO_APP_CLOUD_ENV?: string
  }
}
