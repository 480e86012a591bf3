# Idiom seen in: repository not resolved by the code index (index file id 35970914513: DF40 deepfake video classifier, ResNet50 TimeDistributed + BiLSTM, single training script)
# What it reproduces: the kernel_regularizer was dropped in favour of "weight decay in Adam" (the repo's own comment),
#   and tf.keras.optimizers.AdamW(weight_decay=WEIGHT_DECAY) is used with no exclude_from_weight_decay call, so the
#   LSTM/Dense biases and the BatchNormalization scales/offsets of the unfrozen ResNet blocks are decayed too.
import collections
import pathlib as pl
import random

import tensorflow as tf
import tensorflow.keras.layers as ly

CLASS_LIST = ["original", "face_swap", "face_reenact"]
IO_PATH = "./io"
IMG_SIZE = (256, 256, 3)
SEQ_LEN = 12
BATCH_SIZE = 8
EPOCHS = 9
EPOCHS_PATIENCE = 3
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 3e-3
DROPOUT = 3e-1

strategy = tf.distribute.MirroredStrategy()


def create_feature_extractor():
    feature_extractor = tf.keras.applications.ResNet50(weights="imagenet", input_shape=IMG_SIZE, pooling="avg",
                                                       include_top=False)
    feature_extractor.trainable = False
    return feature_extractor


def create_model():
    model = tf.keras.Sequential([
        ly.Input(shape=(SEQ_LEN, *IMG_SIZE)),
        ly.TimeDistributed(create_feature_extractor(), name="baseline"),
        ly.Bidirectional(ly.LSTM(256), name="bilstm"),
        ly.Dropout(DROPOUT),
        ly.Dense(len(CLASS_LIST), activation="softmax")  # kernel_regularizer=l2(WEIGHT_DECAY)? use weight decay in AdamW instead
    ])
    model.compile(optimizer=model_optimizer, loss="categorical_crossentropy",
                  metrics=["auc", "categorical_accuracy", "f1_score"])
    return model


with strategy.scope():
    # Adam optimizer incl. weight decay / adaptive LR
    model_optimizer = tf.keras.optimizers.AdamW(learning_rate=LEARNING_RATE, weight_decay=WEIGHT_DECAY)  # expect: WD203
    model = create_model()

    class FreezeBaselineCallback(tf.keras.callbacks.Callback):
        """Unfreeze the last ResNet layers step by step and lower the learning rate."""

        def on_epoch_begin(self, epoch, logs=None):
            freezing_layers = {0: 32, 1: 16, 2: 8}
            fe_layer = model.get_layer("baseline").layer
            if epoch in freezing_layers:
                for layer in fe_layer.layers[-freezing_layers[epoch]:]:
                    layer.trainable = True
                model_optimizer.learning_rate.assign((LEARNING_RATE / 10) / (2 ** epoch))
            else:
                model_optimizer.learning_rate.assign(LEARNING_RATE / (2 ** (epoch - len(freezing_layers))))


def list_labeled_items(split_path):
    sequences, labels = [], []
    for class_id, class_name in enumerate(CLASS_LIST):
        for frames_dir in sorted(e for e in (pl.Path(split_path) / class_name).glob("**/") if e.match("frames/*")):
            paths = sorted(frames_dir.glob("*"), key=lambda x: int(x.stem))[:SEQ_LEN]
            if len(paths) >= SEQ_LEN:
                sequences.append([str(x) for x in paths])
                labels.append(class_id)
    return sequences, labels


def load_and_preprocess(path_sequence, label):
    def _load_image(image_path):
        image = tf.image.decode_png(tf.io.read_file(image_path), channels=3)
        return tf.keras.applications.resnet.preprocess_input(tf.image.resize(image, [256, 256]))
    frames = tf.stack([_load_image(p) for p in tf.unstack(path_sequence)])
    return frames, tf.one_hot(label, len(CLASS_LIST))


train_sequences, train_labels = list_labeled_items(IO_PATH + "/df40/train")
test_sequences, test_labels = list_labeled_items(IO_PATH + "/df40/test")
train_data = list(zip(train_sequences, train_labels))
random.shuffle(train_data)
train_sequences, train_labels = map(list, zip(*train_data))
counts = collections.Counter(train_labels)
class_weights = {i: len(train_labels) / (c * len(counts)) for i, c in counts.items()}

train_dataset = tf.data.Dataset.from_tensor_slices((train_sequences, train_labels)) \
    .map(load_and_preprocess, num_parallel_calls=tf.data.AUTOTUNE).shuffle(256).batch(BATCH_SIZE) \
    .prefetch(tf.data.AUTOTUNE)
test_dataset = tf.data.Dataset.from_tensor_slices((test_sequences, test_labels)) \
    .map(load_and_preprocess, num_parallel_calls=tf.data.AUTOTUNE).batch(BATCH_SIZE).prefetch(tf.data.AUTOTUNE)

checkpoint = tf.keras.callbacks.ModelCheckpoint(filepath=IO_PATH + "/model.weights.h5", save_weights_only=True)
early_stopping = tf.keras.callbacks.EarlyStopping(monitor="f1_score", patience=EPOCHS_PATIENCE,
                                                  restore_best_weights=True)
model.fit(train_dataset, epochs=EPOCHS, class_weight=class_weights, validation_data=test_dataset,
          callbacks=[checkpoint, early_stopping, FreezeBaselineCallback()])
model.save(IO_PATH + "/model-resnet-%dep-%dsl.keras" % (EPOCHS, SEQ_LEN))
