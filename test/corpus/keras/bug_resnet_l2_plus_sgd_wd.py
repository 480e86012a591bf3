# Idiom seen in: yukitaka/lab machine-learning/example/ai_book3_resnet.py
# What it reproduces: the book's ResNet conv() helper with kernel_regularizer=l2(1e-4); a user mistake in
#   that idiom: moving to Keras 2.11+ they also give SGD weight_decay=1e-4, so every conv kernel is
#   decayed twice (WD201 at the regularizers) and the optimizer's decoupled decay also hits the
#   BatchNormalization gammas/betas and biases (WD203 at weight_decay=).
from tensorflow.keras.callbacks import LearningRateScheduler
from tensorflow.keras.datasets import cifar10
from tensorflow.keras.layers import Activation, Add, BatchNormalization, Conv2D, Dense, GlobalAveragePooling2D, Input
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import SGD
from tensorflow.keras.regularizers import l2
from tensorflow.keras.utils import to_categorical

WEIGHT_DECAY = 1e-4

(train_images, train_labels), _ = cifar10.load_data()
train_images = train_images.astype('float32') / 255.0
train_labels = to_categorical(train_labels)


def conv(filters, kernel_size, strides=1):
    return Conv2D(filters, kernel_size, strides=strides, padding='same', use_bias=False,
                  kernel_initializer='he_normal', kernel_regularizer=l2(WEIGHT_DECAY))  # expect: WD201


def residual_unit(filters, strides=1):
    def f(x):
        sc = x
        x = Activation('relu')(BatchNormalization()(x))
        if strides != 1 or sc.shape[-1] != filters:
            sc = conv(filters, 1, strides)(x)
        x = conv(filters, 3, strides)(x)
        x = Activation('relu')(BatchNormalization()(x))
        x = conv(filters, 3)(x)
        return Add()([x, sc])
    return f


inp = Input(shape=(32, 32, 3))
x = conv(16, 3)(inp)
for filters, strides in [(16, 1), (16, 1), (32, 2), (32, 1), (64, 2), (64, 1)]:
    x = residual_unit(filters, strides)(x)
x = GlobalAveragePooling2D()(Activation('relu')(BatchNormalization()(x)))
out = Dense(10, activation='softmax')(x)
model = Model(inputs=inp, outputs=out)

optimizer = SGD(learning_rate=0.1, momentum=0.9, weight_decay=WEIGHT_DECAY)  # expect: WD203
model.compile(loss='categorical_crossentropy', optimizer=optimizer, metrics=['acc'])


def step_decay(epoch):
    return 0.1 if epoch < 80 else (0.01 if epoch < 120 else 0.001)


model.fit(train_images, train_labels, batch_size=128, epochs=160, callbacks=[LearningRateScheduler(step_decay)])
