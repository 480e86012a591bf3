# Idiom seen in: clecocel/face-rating face_rating/processing/resnet.py
# What it reproduces: ResNet50 (imagenet) + a regularized regression head for face attractiveness, first trained with
#   the base frozen, then fine-tuned; a user mistake in this idiom: for the fine-tuning stage the unfrozen conv layers
#   of the already-built base get `layer.kernel_regularizer = l2(...)`, which adds no loss, and the model is just
#   recompiled.
import numpy as np
from keras import regularizers
from keras.applications.resnet50 import ResNet50
from keras.layers import Conv2D, Dense, Dropout
from keras.models import Model
from keras.optimizers import SGD

from data import load_scut_fbp

x_train, y_train, x_val, y_val = load_scut_fbp(target_size=(224, 224))

base_model = ResNet50(weights='imagenet', include_top=False, input_shape=(224, 224, 3), pooling='avg')

x = base_model.output
x = Dense(1024, activation='relu', kernel_regularizer=regularizers.l2(0.01),
          activity_regularizer=regularizers.l1(0.01))(x)
x = Dropout(0.4)(x)
prediction = Dense(1, kernel_regularizer=regularizers.l2(0.05),
                   activity_regularizer=regularizers.l1(0.05))(x)
model = Model(inputs=base_model.input, outputs=prediction)

# first: train only the top layers (which were randomly initialized)
for layer in base_model.layers:
    layer.trainable = False
model.compile(optimizer='adam', loss='mean_squared_error')
model.fit(x_train, y_train, batch_size=32, epochs=10, validation_data=(x_val, y_val))

# second: fine-tune the last residual stage, with weight decay on its convolutions
for layer in base_model.layers[-33:]:
    layer.trainable = True
    if isinstance(layer, Conv2D):
        layer.kernel_regularizer = regularizers.l2(1e-4)  # expect: WD106

model.compile(optimizer=SGD(lr=1e-4, momentum=0.9), loss='mean_squared_error')
model.fit(x_train, y_train, batch_size=32, epochs=20, validation_data=(x_val, y_val))

preds = model.predict(x_val)
print('val RMSE:', float(np.sqrt(np.mean((preds.ravel() - y_val) ** 2))))
model.save('face_rating_resnet50.h5')
