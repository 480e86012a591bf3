# Idiom seen in: hadikazemi/Machine-Learning Keras/VGG_contrastive_train.py
# What it reproduces: two coupled VGG-style branches with kernel_regularizer=l2(...) on their conv/fc layers,
#   a contrastive loss on the coupled layer and loss_weights per output, trained with compile + fit
#   (fit adds model.losses itself): clean.
from keras import backend as K
from keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense, Lambda
from keras.models import Model, Sequential
from keras.optimizers import SGD
from keras.regularizers import l2

from keras_tools import coupled_image_loader

hdf5_path = 'train.hdf5'
nb_epoch = 20
batch_size = 40
nb_class = 129
weight_decay = 5e-4
learning_rate_l = 1
learning_rate_r = 1
learning_rate_c = 0.1


def contrastive_loss(y_true, y_pred):
    margin = 1.0
    return K.mean(y_true * K.square(y_pred) + (1 - y_true) * K.square(K.maximum(margin - y_pred, 0)))


def vgg_branch(input_shape):
    net = Sequential()
    net.add(Conv2D(64, (3, 3), activation='relu', padding='same', input_shape=input_shape,
                   kernel_regularizer=l2(weight_decay)))
    net.add(MaxPooling2D())
    net.add(Conv2D(128, (3, 3), activation='relu', padding='same', kernel_regularizer=l2(weight_decay)))
    net.add(MaxPooling2D())
    net.add(Conv2D(256, (3, 3), activation='relu', padding='same', kernel_regularizer=l2(weight_decay)))
    net.add(MaxPooling2D())
    net.add(Flatten(name='flatten'))
    return net


def build_coupled_model(input_shape=(64, 64, 3)):
    left_in, right_in = Input(input_shape), Input(input_shape)
    left_branch, right_branch = vgg_branch(input_shape), vgg_branch(input_shape)
    feat_l, feat_r = left_branch(left_in), right_branch(right_in)
    fc_l = Dense(512, activation='relu', kernel_regularizer=l2(weight_decay))(feat_l)
    fc_r = Dense(512, activation='relu', kernel_regularizer=l2(weight_decay))(feat_r)
    pred_l = Dense(nb_class, activation='softmax', name='predictions_l')(fc_l)
    pred_r = Dense(nb_class, activation='softmax', name='predictions_r')(fc_r)
    distance = Lambda(lambda t: K.sqrt(K.sum(K.square(t[0] - t[1]), axis=1, keepdims=True)),
                      name='coupled_loss')([feat_l, feat_r])
    return Model(inputs=[left_in, right_in], outputs=[pred_l, pred_r, distance])


model = build_coupled_model()
sgd = SGD(lr=1e-4, decay=1e-6, momentum=0.9, nesterov=True)
model.compile(optimizer=sgd,
              loss={'predictions_l': 'categorical_crossentropy', 'predictions_r': 'categorical_crossentropy',
                    'coupled_loss': contrastive_loss},
              loss_weights={'predictions_l': learning_rate_l, 'predictions_r': learning_rate_r,
                            'coupled_loss': learning_rate_c},
              metrics=['accuracy'])

for e in range(nb_epoch):
    print("epoch %d" % e)
    for X_train, Y_train in coupled_image_loader(batch_size, hdf5_path, nb_class, coupled_loss_type='contrastive'):
        model.fit(X_train, Y_train, batch_size=Y_train[0].shape[0], epochs=1, verbose=1)
    model.save_weights("vgg-contrastive-e{}.h5".format(e))
