import './tabbar.h5.scss'
