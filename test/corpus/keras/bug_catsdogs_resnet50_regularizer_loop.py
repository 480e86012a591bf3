# Idiom seen in: jkjung-avt/keras-cats-dogs-tutorial train_resnet50.py
# What it reproduces: fine-tuning an ImageNet ResNet50 (Flatten/Dropout/Dense head, first layers frozen,
#   Adam 1e-5). The user's edit: in the loop that unfreezes layers, also set kernel_regularizer on every
#   layer that has one; the model is already built, so no loss is added and fit trains without decay.
from tensorflow.keras import regularizers
from tensorflow.keras.applications.resnet50 import ResNet50, preprocess_input
from tensorflow.keras.layers import Dense, Dropout, Flatten
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.preprocessing.image import ImageDataGenerator

DATASET_PATH = '/data/catsdogs/sample'
IMAGE_SIZE = (224, 224)
NUM_CLASSES = 2
BATCH_SIZE = 8
FREEZE_LAYERS = 2
NUM_EPOCHS = 20
WEIGHT_DECAY = 1e-4
WEIGHTS_FINAL = 'model-resnet50-final.h5'

train_datagen = ImageDataGenerator(preprocessing_function=preprocess_input,
                                   rotation_range=40, width_shift_range=0.2, height_shift_range=0.2,
                                   shear_range=0.2, zoom_range=0.2, channel_shift_range=10,
                                   horizontal_flip=True, fill_mode='nearest')
train_batches = train_datagen.flow_from_directory(DATASET_PATH + '/train', target_size=IMAGE_SIZE,
                                                  interpolation='bicubic', class_mode='categorical',
                                                  shuffle=True, batch_size=BATCH_SIZE)
valid_datagen = ImageDataGenerator(preprocessing_function=preprocess_input)
valid_batches = valid_datagen.flow_from_directory(DATASET_PATH + '/valid', target_size=IMAGE_SIZE,
                                                  interpolation='bicubic', class_mode='categorical',
                                                  shuffle=False, batch_size=BATCH_SIZE)

net = ResNet50(include_top=False, weights='imagenet', input_tensor=None,
               input_shape=(IMAGE_SIZE[0], IMAGE_SIZE[1], 3))
x = net.output
x = Flatten()(x)
x = Dropout(0.5)(x)
output_layer = Dense(NUM_CLASSES, activation='softmax', name='softmax')(x)
net_final = Model(inputs=net.input, outputs=output_layer)

for layer in net_final.layers[:FREEZE_LAYERS]:
    layer.trainable = False
for layer in net_final.layers[FREEZE_LAYERS:]:
    layer.trainable = True
    if hasattr(layer, 'kernel_regularizer'):
        layer.kernel_regularizer = regularizers.l2(WEIGHT_DECAY)  # expect: WD106

net_final.compile(optimizer=Adam(learning_rate=1e-5),
                  loss='categorical_crossentropy', metrics=['accuracy'])
print(net_final.summary())

net_final.fit(train_batches,
              steps_per_epoch=train_batches.samples // BATCH_SIZE,
              validation_data=valid_batches,
              validation_steps=valid_batches.samples // BATCH_SIZE,
              epochs=NUM_EPOCHS)
net_final.save(WEIGHTS_FINAL)
