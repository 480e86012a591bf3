# Idiom seen in: bubbliiiing/ssd-tf2 nets/vgg.py
# Idiom seen in: bubbliiiing/ssd-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/ssd-tf2 train_eager.py
# What it reproduces: SSD VGG backbone convs carry l2(weight_decay) kernel regularizers; the eager train_step adds
# tf.reduce_sum(net.losses) to the multibox loss inside the GradientTape before tape.gradient (clean).
from tensorflow.keras.layers import Conv2D, MaxPooling2D, ZeroPadding2D
from tensorflow.keras.regularizers import l2


def VGG16(input_tensor, weight_decay=5e-4):
    net = {}
    net['input'] = input_tensor
    x = input_tensor
    for block, (filters, n_convs) in enumerate([(64, 2), (128, 2), (256, 3), (512, 3)]):
        for i in range(n_convs):
            x = Conv2D(filters, kernel_size=(3, 3), activation='relu', padding='same', kernel_regularizer=l2(weight_decay), name='conv%d_%d' % (block + 1, i + 1))(x)
        net['conv%d_%d' % (block + 1, n_convs)] = x
        x = MaxPooling2D((2, 2), strides=(2, 2), padding='same', name='pool%d' % (block + 1))(x)
    net['fc7'] = Conv2D(1024, kernel_size=(1, 1), activation='relu', padding='same', kernel_regularizer=l2(weight_decay), name='fc7')(x)
    x = Conv2D(256, kernel_size=(1, 1), activation='relu', padding='same', kernel_regularizer=l2(weight_decay), name='conv6_1')(net['fc7'])
    x = ZeroPadding2D(padding=((1, 1), (1, 1)), name='conv6_padding')(x)
    net['conv6_2'] = Conv2D(512, kernel_size=(3, 3), strides=(2, 2), activation='relu', kernel_regularizer=l2(weight_decay), name='conv6_2')(x)
    return net
