# Idiom seen in: TropComplique/knowledge-distillation-keras knowledge_distillation_for_mobilenet.ipynb
# What it reproduces: the student is rebuilt around the regularized logits layer (hard + temperature-softened
#   outputs), compiled with a lambda distillation loss and trained with fit_generator, which adds the layer's
#   l2 term itself (clean).
import numpy as np
import keras
from keras import optimizers
from keras import backend as K
from keras.callbacks import EarlyStopping, ReduceLROnPlateau
from keras.layers import Activation, Lambda, concatenate
from keras.losses import categorical_crossentropy as logloss
from keras.metrics import categorical_accuracy
from keras.models import Model
from keras.applications.mobilenet import preprocess_input

from image_preprocessing_ver2 import ImageDataGenerator
from mobilenet import get_mobilenet

data_dir = '/home/ubuntu/data/'
temperature = 5.0
lambda_const = 0.07

train_logits = np.load(data_dir + 'train_logits.npy')[()]
val_logits = np.load(data_dir + 'val_logits.npy')[()]
data_generator = ImageDataGenerator(data_format='channels_last', preprocessing_function=preprocess_input)
train_generator = data_generator.flow_from_directory(data_dir + 'train', train_logits,
                                                     target_size=(224, 224), batch_size=64)
val_generator = data_generator.flow_from_directory(data_dir + 'val', val_logits,
                                                   target_size=(224, 224), batch_size=64)

model = get_mobilenet(224, alpha=0.25, weight_decay=1e-5, dropout=0.1)
model.layers.pop()
logits = model.layers[-1].output
probabilities = Activation('softmax')(logits)
logits_T = Lambda(lambda x: x / temperature)(logits)
probabilities_T = Activation('softmax')(logits_T)
output = concatenate([probabilities, probabilities_T])
model = Model(model.input, output)


def knowledge_distillation_loss(y_true, y_pred, lambda_const):
    y_true, logits = y_true[:, :256], y_true[:, 256:]
    y_soft = K.softmax(logits / temperature)
    y_pred, y_pred_soft = y_pred[:, :256], y_pred[:, 256:]
    return lambda_const * logloss(y_true, y_pred) + logloss(y_soft, y_pred_soft)


def accuracy(y_true, y_pred):
    return categorical_accuracy(y_true[:, :256], y_pred[:, :256])


model.compile(optimizer=optimizers.SGD(lr=1e-1, momentum=0.9, nesterov=True),
              loss=lambda y_true, y_pred: knowledge_distillation_loss(y_true, y_pred, lambda_const),
              metrics=[accuracy])
model.fit_generator(train_generator, steps_per_epoch=400, epochs=30, verbose=1,
                    callbacks=[EarlyStopping(monitor='val_accuracy', patience=4, min_delta=0.01),
                               ReduceLROnPlateau(monitor='val_accuracy', factor=0.1, patience=2,
                                                 epsilon=0.007)],
                    validation_data=val_generator, validation_steps=80, workers=4)
