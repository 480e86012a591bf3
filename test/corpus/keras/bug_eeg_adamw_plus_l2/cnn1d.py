# Idiom seen in: mauricio-ms/motor-imagery-deep-learning models/physionet/cnn1d.py
# Idiom seen in: mauricio-ms/motor-imagery-deep-learning models/cnn-1d.py
# What it reproduces: the PhysioNet motor-imagery EEG Conv1D classifier, with L2 kernel regularizers on
# the last conv and the hidden dense layer (the repository explored regularization for this model).
from tensorflow import keras


def build_model(output_classes=2, window_length=480, n_channels=64, l2_weight=1e-3):
    model = keras.models.Sequential([
        keras.layers.Input(shape=(window_length, n_channels)),
        keras.layers.Conv1D(8, 3, activation="elu", padding="SAME"),
        keras.layers.AveragePooling1D(pool_size=3),
        keras.layers.Conv1D(16, 3, activation="elu", padding="SAME"),
        keras.layers.AveragePooling1D(pool_size=3),
        keras.layers.Conv1D(32, 3, activation="elu", padding="SAME",
                            kernel_regularizer=keras.regularizers.l2(l2_weight)),  # expect: WD201
        keras.layers.AveragePooling1D(pool_size=3),
        keras.layers.Flatten(),
        keras.layers.Dense(256, activation="elu",
                           kernel_regularizer=keras.regularizers.l2(l2_weight)),  # expect: WD201
        keras.layers.Dropout(0.5),
        keras.layers.Dense(output_classes, activation="softmax")
    ])
    return model
