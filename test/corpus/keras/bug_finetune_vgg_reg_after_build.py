# Idiom seen in: flyyufelix/cnn_finetune vgg16.py
# What it reproduces: the fine-tuning script builds VGG-16, loads the ImageNet weights, swaps the
#   softmax head, then "adds L2 to every layer" by assigning layer.kernel_regularizer on the already
#   built model before compile/fit: no layer re-creates its weights, so model.losses stays empty.
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import SGD
from tensorflow.keras.layers import Dense, Conv2D, MaxPooling2D, ZeroPadding2D, Dropout, Flatten
from tensorflow.keras import regularizers
from sklearn.metrics import log_loss

from load_cifar10 import load_cifar10_data


def vgg16_model(img_rows, img_cols, channel=1, num_classes=None, weight_decay=5e-4):
    model = Sequential()
    model.add(ZeroPadding2D((1, 1), input_shape=(img_rows, img_cols, channel)))
    model.add(Conv2D(64, (3, 3), activation='relu'))
    model.add(ZeroPadding2D((1, 1)))
    model.add(Conv2D(64, (3, 3), activation='relu'))
    model.add(MaxPooling2D((2, 2), strides=(2, 2)))
    for filters, n_convs in [(128, 2), (256, 3), (512, 3), (512, 3)]:
        for _ in range(n_convs):
            model.add(ZeroPadding2D((1, 1)))
            model.add(Conv2D(filters, (3, 3), activation='relu'))
        model.add(MaxPooling2D((2, 2), strides=(2, 2)))
    model.add(Flatten())
    model.add(Dense(4096, activation='relu'))
    model.add(Dropout(0.5))
    model.add(Dense(4096, activation='relu'))
    model.add(Dropout(0.5))
    model.add(Dense(1000, activation='softmax'))

    # Loads ImageNet pre-trained data
    model.load_weights('imagenet_models/vgg16_weights_tf_dim_ordering.h5')

    # Truncate and replace softmax layer for transfer learning
    model.pop()
    model.add(Dense(num_classes, activation='softmax'))

    # Fine-tune with a little L2 on every weight layer
    for layer in model.layers:
        if hasattr(layer, 'kernel_regularizer'):
            layer.kernel_regularizer = regularizers.l2(weight_decay)  # expect: WD106

    sgd = SGD(learning_rate=1e-3, momentum=0.9, nesterov=True)
    model.compile(optimizer=sgd, loss='categorical_crossentropy', metrics=['accuracy'])
    return model


if __name__ == '__main__':
    img_rows, img_cols = 224, 224
    channel = 3
    num_classes = 10
    batch_size = 16
    nb_epoch = 10

    X_train, Y_train, X_valid, Y_valid = load_cifar10_data(img_rows, img_cols)
    model = vgg16_model(img_rows, img_cols, channel, num_classes)
    model.fit(X_train, Y_train, batch_size=batch_size, epochs=nb_epoch, shuffle=True, verbose=1,
              validation_data=(X_valid, Y_valid))
    predictions_valid = model.predict(X_valid, batch_size=batch_size, verbose=1)
    score = log_loss(Y_valid, predictions_valid)
    print(score)
